//! The shapes answers come in, read off the tree: `a \pm b` expanded, assignments and the
//! names they assign, inequalities as intervals, text keys and choice letters.

use super::super::ast::{FuncName, Node, RelOp};
use super::super::eval::free_variables;

// --------------------------------------------------------------------------------------------
// `a \pm b`

fn has_plus_minus(node: &Node) -> bool {
    node.any(&|n| matches!(n, Node::PlusMinus(..)))
}

/// Replace every `a \pm b` by `a + b` (plus = true) or `a - b`.
fn choose_sign(node: &Node, plus: bool) -> Node {
    match node {
        Node::PlusMinus(a, b) => {
            let a = choose_sign(a, plus);
            let b = choose_sign(b, plus);
            let b = if plus { b } else { Node::Neg(Box::new(b)) };
            Node::Add(vec![a, b])
        }
        Node::Neg(a) => Node::Neg(Box::new(choose_sign(a, plus))),
        Node::Add(v) => Node::Add(v.iter().map(|n| choose_sign(n, plus)).collect()),
        Node::Mul(v) => Node::Mul(v.iter().map(|n| choose_sign(n, plus)).collect()),
        Node::Div(a, b) => Node::Div(
            Box::new(choose_sign(a, plus)),
            Box::new(choose_sign(b, plus)),
        ),
        Node::Pow(a, b) => Node::Pow(
            Box::new(choose_sign(a, plus)),
            Box::new(choose_sign(b, plus)),
        ),
        Node::Root(a, b) => Node::Root(
            Box::new(choose_sign(a, plus)),
            Box::new(choose_sign(b, plus)),
        ),
        Node::Func(f, a) => Node::Func(*f, Box::new(choose_sign(a, plus))),
        Node::Tuple(v) => Node::Tuple(v.iter().map(|n| choose_sign(n, plus)).collect()),
        other => other.clone(),
    }
}

/// `1 \pm \sqrt2` -> `{1 + \sqrt2, 1 - \sqrt2}`; inside a list or set the alternatives join it.
/// `x = 1 \pm 2` -> `x = 1 + 2, x = 1 - 2`.
pub(super) fn expand_plus_minus(node: &Node) -> Node {
    if !has_plus_minus(node) {
        return node.clone();
    }
    match node {
        Node::List(items) | Node::Set(items) => {
            let mut out = Vec::new();
            for item in items {
                match expand_plus_minus(item) {
                    Node::Set(alts) if has_plus_minus(item) => out.extend(alts),
                    other => out.push(other),
                }
            }
            if matches!(node, Node::List(_)) {
                Node::List(out)
            } else {
                Node::Set(out)
            }
        }
        Node::Relation(operands, ops) if operands.len() == 2 && ops == &[RelOp::Eq] => {
            let alt = |plus| {
                Node::Relation(
                    vec![operands[0].clone(), choose_sign(&operands[1], plus)],
                    ops.clone(),
                )
            };
            Node::List(vec![alt(true), alt(false)])
        }
        // `(\pm 2, 3)` is the two points `(2, 3)` and `(-2, 3)`.
        n if n.is_scalar() || matches!(n, Node::PlusMinus(..) | Node::Tuple(_)) => {
            Node::Set(vec![choose_sign(n, true), choose_sign(n, false)])
        }
        other => other.clone(),
    }
}

// --------------------------------------------------------------------------------------------
// Shapes

/// `x = 3`, `f(x) = 3`, `x_1 = 3`: the value assigned to a name.
pub(super) fn assigned_value(node: &Node) -> Option<&Node> {
    match node {
        Node::Relation(operands, ops) if ops == &[RelOp::Eq] && operands.len() == 2 => {
            let names_only = |n: &Node| {
                n.any(&|m| matches!(m, Node::Var(_)))
                    && !n.any(&|m| matches!(m, Node::Num(_) | Node::Const(_)))
            };
            let lhs_is_name = match &operands[0] {
                Node::Tuple(items) => items.iter().all(names_only),
                other => names_only(other),
            };
            lhs_is_name.then_some(&operands[1])
        }
        _ => None,
    }
}

pub(super) fn assigned_name(node: &Node) -> Option<&Node> {
    match node {
        Node::Relation(operands, _) if assigned_value(node).is_some() => Some(&operands[0]),
        _ => None,
    }
}

/// A list whose items all assign values reads as the tuple of the values, ordered by name
/// (`y = 2, x = 1` is `(1, 2)`); when every item assigns the same name (`x = 1, x = 2`, the
/// solutions of one equation) it reads as the set of the values.
pub(super) fn assignments_as_tuple(node: &Node) -> Option<Node> {
    let Node::List(items) = node else {
        return None;
    };
    let mut named: Vec<(String, &Node)> = Vec::with_capacity(items.len());
    for item in items {
        named.push((assigned_name(item)?.to_string(), assigned_value(item)?));
    }
    let values = |named: Vec<(String, &Node)>| named.into_iter().map(|(_, v)| v.clone()).collect();
    if named.iter().all(|(name, _)| *name == named[0].0) {
        return Some(Node::Set(values(named)));
    }
    named.sort_by(|a, b| a.0.cmp(&b.0));
    if named.windows(2).any(|w| w[0].0 == w[1].0) {
        return None; // some names repeat, others do not: no single reading
    }
    Some(Node::Tuple(values(named)))
}

pub(super) fn is_unordered(node: &Node) -> bool {
    matches!(node, Node::Set(_) | Node::List(_))
}

pub(super) fn elements(node: &Node) -> Option<&[Node]> {
    match node {
        Node::Set(v) | Node::List(v) | Node::Tuple(v) => Some(v),
        _ => None,
    }
}

/// An interval written with expressions as ends (`None` = infinite).
pub(super) struct SymSpan {
    pub(super) lo: Option<Node>,
    pub(super) hi: Option<Node>,
    pub(super) lo_closed: bool,
    pub(super) hi_closed: bool,
}

pub(super) fn sym(
    lo: Option<&Node>,
    hi: Option<&Node>,
    lo_closed: bool,
    hi_closed: bool,
) -> SymSpan {
    SymSpan {
        lo: lo.cloned(),
        hi: hi.cloned(),
        lo_closed,
        hi_closed,
    }
}

/// `x > 3`, `1 < x \le 2`, `|x| < 2`, `x \ne 0` as intervals; `None` if not of that form.
pub(super) fn relation_spans(operands: &[Node], ops: &[RelOp]) -> Option<Vec<SymSpan>> {
    let is_var = |n: &Node| matches!(n, Node::Var(_));
    let strict = |op: RelOp| matches!(op, RelOp::Lt | RelOp::Gt);
    match (operands, ops) {
        ([Node::Func(FuncName::Abs, inner), bound], [op]) if is_var(inner) && !is_var(bound) => {
            abs_spans(bound, *op)
        }
        ([v, bound], [op]) if is_var(v) && !is_var(bound) => one_sided(bound, *op),
        ([bound, v], [op]) if is_var(v) && !is_var(bound) => one_sided(bound, op.flipped()),
        ([a, v, b], [op1, op2]) if is_var(v) => match (op1, op2) {
            (RelOp::Lt | RelOp::Le, RelOp::Lt | RelOp::Le) => {
                Some(vec![sym(Some(a), Some(b), !strict(*op1), !strict(*op2))])
            }
            (RelOp::Gt | RelOp::Ge, RelOp::Gt | RelOp::Ge) => {
                Some(vec![sym(Some(b), Some(a), !strict(*op2), !strict(*op1))])
            }
            _ => None,
        },
        _ => None,
    }
}

/// `x op bound` as intervals.
fn one_sided(bound: &Node, op: RelOp) -> Option<Vec<SymSpan>> {
    let b = Some(bound);
    Some(match op {
        RelOp::Lt | RelOp::Le => vec![sym(None, b, false, op == RelOp::Le)],
        RelOp::Gt | RelOp::Ge => vec![sym(b, None, op == RelOp::Ge, false)],
        RelOp::Ne => vec![sym(None, b, false, false), sym(b, None, false, false)],
        RelOp::Eq | RelOp::In | RelOp::Approx => return None,
    })
}

/// `|x| op bound` as intervals.
fn abs_spans(bound: &Node, op: RelOp) -> Option<Vec<SymSpan>> {
    let neg = Node::Neg(Box::new(bound.clone()));
    Some(match op {
        RelOp::Lt | RelOp::Le => vec![sym(
            Some(&neg),
            Some(bound),
            op == RelOp::Le,
            op == RelOp::Le,
        )],
        RelOp::Gt | RelOp::Ge => {
            let closed = op == RelOp::Ge;
            vec![
                sym(None, Some(&neg), false, closed),
                sym(Some(bound), None, closed, false),
            ]
        }
        _ => return None,
    })
}

pub(super) fn finite(node: &Node) -> Option<&Node> {
    if node.is_infinity().is_some() {
        None
    } else {
        Some(node)
    }
}

/// Does this answer describe a subset of the real line (an interval, a union, an inequality)?
pub(super) fn describes_real_set(node: &Node) -> bool {
    match node {
        Node::Interval { .. } | Node::Union(_) | Node::Intersection(_) | Node::Difference(..) => {
            true
        }
        Node::List(items) => !items.is_empty() && items.iter().all(is_inequality),
        n => is_inequality(n),
    }
}

fn is_inequality(node: &Node) -> bool {
    matches!(node, Node::Relation(_, ops) if ops.iter().any(|op| *op != RelOp::Eq))
}

pub(super) fn is_decimal_literal(node: &Node) -> Option<&str> {
    match node {
        Node::Num(s) => Some(s),
        Node::Neg(inner) => is_decimal_literal(inner),
        _ => None,
    }
}

/// Text answers compare by their letters and digits, plurals folded, with a few synonyms.
pub(in crate::verify) fn text_key(t: &str) -> String {
    let words: Vec<String> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            match w.strip_suffix('s') {
                Some(stem) if stem.len() >= 4 && !stem.ends_with('s') => stem.to_string(),
                _ => w,
            }
        })
        .collect();
    let key = words.concat();
    let synonym = match key.as_str() {
        "dne" | "doesnotexist" | "undefined" | "nonexistent" => "dne",
        "nosolution" | "none" | "norealsolution" | "emptyset" => "nosolution",
        "infinite" | "infinitelymany" | "infinitelymanysolution" => "infinite",
        "true" | "yes" => "yes",
        "false" | "no" => "no",
        other => other,
    };
    synonym.to_string()
}

pub(super) fn letter_of(node: &Node) -> Option<char> {
    match node {
        Node::Choice(c) => Some(*c),
        Node::Var(v) if v.len() == 1 => v
            .chars()
            .next()
            .map(|c| c.to_ascii_uppercase())
            .filter(|c| ('A'..='J').contains(c)),
        _ => None,
    }
}

/// The letters of a multiple-select answer, sorted: a list or set of choice letters (`A, C`,
/// `(A) and (C)`), or capitals written together (`AC`); `None` for anything else, and for one
/// letter alone.
pub(in crate::verify) fn selected_letters(node: &Node) -> Option<Vec<char>> {
    let mut letters: Vec<char> = match node {
        Node::List(items) | Node::Set(items) => {
            items.iter().map(letter_of).collect::<Option<_>>()?
        }
        Node::Mul(factors) => factors
            .iter()
            .map(|f| match f {
                Node::Var(v) if v.len() == 1 && v.as_bytes()[0].is_ascii_uppercase() => {
                    letter_of(f)
                }
                _ => None,
            })
            .collect::<Option<_>>()?,
        // `ABCD` reads as a word; a run of distinct letters A-J is a selection too.
        Node::Text(t) if is_letter_run(t) => t.chars().map(|c| c.to_ascii_uppercase()).collect(),
        _ => return None,
    };
    letters.sort_unstable();
    letters.dedup();
    Some(letters)
}

/// Two to ten distinct letters from a to j, nothing else (`abcd`, the text `ABCD` reads as).
fn is_letter_run(t: &str) -> bool {
    let distinct = t.chars().collect::<std::collections::BTreeSet<_>>().len() == t.len();
    (2..=10).contains(&t.len()) && t.chars().all(|c| ('a'..='j').contains(&c)) && distinct
}

/// A one-row or one-column matrix as a vector.
pub(super) fn vector_of(m: &[Vec<Node>]) -> Option<Vec<Node>> {
    if m.len() == 1 || m[0].len() == 1 {
        Some(m.iter().flatten().cloned().collect())
    } else {
        None
    }
}

/// `a op b` as `(diff, op)` with op one of =, !=, >, >=: `a < b` becomes `b - a > 0`.
pub(super) fn facing(operands: &[Node], op: RelOp) -> (Node, RelOp) {
    let (a, b, op) = match op {
        RelOp::Approx => (&operands[0], &operands[1], RelOp::Eq),
        RelOp::Lt | RelOp::Le => (&operands[1], &operands[0], op.flipped()),
        _ => (&operands[0], &operands[1], op),
    };
    (
        Node::Add(vec![a.clone(), Node::Neg(Box::new(b.clone()))]),
        op,
    )
}

/// The values a chain of equalities in a final answer stands for: its last side
/// (`k = 12 + 3 = 15` is 15, `\binom{10}{3} = 120` is 120, `x \approx 11` is 11), and with an
/// `\approx` also the exact side before it (`P = \frac16 \approx 0.167` is 1/6 or 0.167).
/// `None` for anything else, such as the equation `2x + 3 = 7`, and for a lone computation
/// (`\binom{10}{3} = 120`) unless `computation_is_final`.
pub(super) fn chain_values(node: &Node, computation_is_final: bool) -> Option<Vec<&Node>> {
    let Node::Relation(operands, ops) = node else {
        return None;
    };
    if !ops.iter().all(|op| matches!(op, RelOp::Eq | RelOp::Approx)) {
        return None;
    }
    let computed = |n: &Node| free_variables(n).is_empty();
    if ops == &[RelOp::Eq] && !(computation_is_final && computed(&operands[0])) {
        return None; // an equation or an assignment (handled as such), or a step
    }
    let mut values = Vec::with_capacity(2);
    if let Some(first_approx) = ops.iter().position(|op| *op == RelOp::Approx) {
        let exact = &operands[first_approx];
        if first_approx > 0 || computed(exact) {
            values.push(exact);
        }
    }
    values.push(operands.last()?);
    Some(values)
}

/// `\frac12 \begin{pmatrix} 2 \\ 4 \end{pmatrix}`, `-3 M`: a scalar times a matrix, as the
/// matrix of the products. `None` unless the node is such a product.
pub(super) fn scaled_matrix(node: &Node) -> Option<Node> {
    let scale = |rows: &[Vec<Node>], factor: &dyn Fn(Node) -> Node| {
        Node::Matrix(
            rows.iter()
                .map(|row| row.iter().map(|e| factor(e.clone())).collect())
                .collect(),
        )
    };
    match node {
        Node::Neg(inner) => {
            let Node::Matrix(rows) = scaled_matrix(inner).or_else(|| Some((**inner).clone()))?
            else {
                return None;
            };
            Some(scale(&rows, &|e| Node::Neg(Box::new(e))))
        }
        Node::Mul(factors) => {
            let at = factors.iter().position(|f| matches!(f, Node::Matrix(_)))?;
            let Node::Matrix(rows) = &factors[at] else {
                return None;
            };
            let others: Vec<Node> = factors
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != at)
                .map(|(_, f)| f.clone())
                .collect();
            if !others.iter().all(Node::is_scalar) {
                return None;
            }
            Some(scale(rows, &|e| {
                let mut product = others.clone();
                product.push(e);
                Node::Mul(product)
            }))
        }
        _ => None,
    }
}

/// Significant digits of a decimal literal: `0.0330` has 3, `33.3` has 3, `0.3` has 1.
pub(super) fn significant_digits(literal: &str) -> usize {
    let digits: String = literal.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').len()
}
