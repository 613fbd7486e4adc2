//! Decide whether two parsed answers are equal.
//!
//! Order of the rules: `a \pm b` becomes the set of both values; multiple-choice letters and
//! text compare as such; an assignment `x = 3` stands for its value; inequalities and `\in`
//! become intervals; equations compare as proportional functions; collections compare element
//! by element (sets and bare lists unordered, tuples and matrices ordered); scalars compare by
//! value, exactly when both sides are exact and within ball-arithmetic error bounds otherwise;
//! expressions with variables compare at several random rational points.

mod points;
mod shapes;
pub(super) use shapes::{selected_letters, text_key};

use super::ast::{Node, RelOp};
use super::eval::{eval, free_variables, EvalError, Reading};
use super::intervals;
use super::num::{approx_eq, cmp_real, decimal_places, round_to_places, Budget, Num, Tri};
use super::{Decision, Options, Percent};
use points::{describe_point, sample_point};
use shapes::{
    assigned_name, assigned_value, assignments_as_tuple, chain_values, describes_real_set,
    elements, expand_plus_minus, facing, finite, is_decimal_literal, is_unordered, letter_of,
    relation_spans, scaled_matrix, significant_digits, sym, vector_of, SymSpan,
};

type Outcome = (Decision, String);

fn equal(reason: impl Into<String>) -> Outcome {
    (Decision::Equal, reason.into())
}
fn not_equal(reason: impl Into<String>) -> Outcome {
    (Decision::NotEqual, reason.into())
}
fn unknown(reason: impl Into<String>) -> Outcome {
    (Decision::Unknown, reason.into())
}

/// Collections larger than this are not matched element by element.
const MAX_ELEMENTS: usize = 256;
/// Points at which expressions with variables are compared.
const SAMPLE_POINTS: usize = 6;

struct Ctx<'a> {
    opts: &'a Options,
    budget: &'a mut Budget,
    /// The response announced this as its final answer (a box or an answer phrase), so a
    /// computation `\binom{10}{3} = 120` in it stands for its result; a math span picked from
    /// the reasoning may be an unfinished step and does not.
    announced: bool,
}

/// Compare a response's answer with the reference; `announced`: see [`Ctx`].
pub fn compare(
    pred: &Node,
    gold: &Node,
    opts: &Options,
    budget: &mut Budget,
    announced: bool,
) -> Outcome {
    let mut ctx = Ctx {
        opts,
        budget,
        announced,
    };
    let pred = expand_plus_minus(pred);
    let gold = expand_plus_minus(gold);
    ctx.answers(&pred, &gold)
}

impl Ctx<'_> {
    fn answers(&mut self, pred: &Node, gold: &Node) -> Outcome {
        if self.budget.spend(1).is_err() {
            return unknown("work budget exhausted");
        }
        // Multiple select: `A, C` against `AC`, and several letters against one.
        let listed = |n: &Node| matches!(n, Node::List(_) | Node::Set(_));
        if listed(pred) || listed(gold) {
            let letters = |n: &Node| selected_letters(n).or_else(|| letter_of(n).map(|c| vec![c]));
            if let (Some(p), Some(g)) = (letters(pred), letters(gold)) {
                return if p == g {
                    equal("same choice letters")
                } else {
                    not_equal("different choice letters")
                };
            }
        }
        // Multiple choice and text.
        if matches!(gold, Node::Choice(_)) || matches!(pred, Node::Choice(_)) {
            return match (letter_of(pred), letter_of(gold)) {
                (Some(p), Some(g)) if p == g => equal("same choice letter"),
                (Some(_), Some(_)) => not_equal("different choice letters"),
                _ => not_equal("a choice letter against something else"),
            };
        }
        if let (Node::Text(p), Node::Text(g)) = (pred, gold) {
            return if text_key(p) == text_key(g) {
                equal("same text")
            } else {
                not_equal("different text")
            };
        }
        if matches!(pred, Node::Text(_)) || matches!(gold, Node::Text(_)) {
            return not_equal("text against a mathematical answer");
        }
        // A chain stands for its last side (and the exact side before an `\approx`).
        if !matches!(gold, Node::Relation(..)) {
            if let Some(values) = chain_values(pred, self.announced) {
                return self.any_equal(&values, gold, true);
            }
        }
        if !matches!(pred, Node::Relation(..)) {
            if let Some(values) = chain_values(gold, true) {
                return self.any_equal(&values, pred, false);
            }
        }
        // Assignments stand for their values.
        match (assigned_value(pred), assigned_value(gold)) {
            (Some(p), None) if !matches!(gold, Node::Relation(..)) => return self.answers(p, gold),
            (None, Some(g)) if !matches!(pred, Node::Relation(..)) => return self.answers(pred, g),
            (Some(p), Some(g)) if assigned_name(pred) == assigned_name(gold) => {
                return self.answers(p, g)
            }
            _ => {}
        }
        match (assignments_as_tuple(pred), assignments_as_tuple(gold)) {
            (Some(p), Some(g)) => return self.answers(&p, &g),
            (Some(p), None) if !matches!(gold, Node::List(_)) => return self.answers(&p, gold),
            (None, Some(g)) if !matches!(pred, Node::List(_)) => return self.answers(pred, &g),
            _ => {}
        }
        // Intervals, unions and inequalities compare as the sets of reals they describe.
        if describes_real_set(pred) || describes_real_set(gold) {
            if let (Some(p), Some(g)) = (self.real_set(pred, false), self.real_set(gold, false)) {
                return match intervals::same(&p, &g, self.opts.float_tolerance) {
                    Tri::True => equal("same set of real numbers"),
                    Tri::False => not_equal("different sets of real numbers"),
                    Tri::Unknown => unknown("could not compare the interval ends"),
                };
            }
        }
        if let Some(m) = scaled_matrix(pred) {
            return self.answers(&m, gold);
        }
        if let Some(m) = scaled_matrix(gold) {
            return self.answers(pred, &m);
        }
        match (pred, gold) {
            (Node::Relation(po, pops), Node::Relation(go, gops)) => {
                self.relations(po, pops, go, gops)
            }
            (Node::Relation(..), _) | (_, Node::Relation(..)) => {
                not_equal("a relation against a value")
            }
            (Node::Matrix(p), Node::Matrix(g)) => self.matrices(p, g),
            (Node::Matrix(m), other) | (other, Node::Matrix(m)) => {
                match (vector_of(m), elements(other)) {
                    (Some(v), Some(e)) if !is_unordered(other) || e.len() == 1 => {
                        self.ordered(&v, e)
                    }
                    _ => not_equal("a matrix against a non-matrix"),
                }
            }
            _ => self.collections_or_scalars(pred, gold),
        }
    }

    /// Equal when one of `candidates` equals `other` (`candidates` on the response's side when
    /// `from_response`); else the last candidate's outcome.
    fn any_equal(&mut self, candidates: &[&Node], other: &Node, from_response: bool) -> Outcome {
        let mut outcome = not_equal("no candidate");
        for candidate in candidates {
            outcome = if from_response {
                self.answers(candidate, other)
            } else {
                self.answers(other, candidate)
            };
            if outcome.0 == Decision::Equal {
                break;
            }
        }
        outcome
    }

    fn collections_or_scalars(&mut self, pred: &Node, gold: &Node) -> Outcome {
        match (elements(pred), elements(gold)) {
            (Some(p), Some(g)) => {
                if matches!(pred, Node::Tuple(_)) && matches!(gold, Node::Tuple(_))
                    || matches!(
                        (pred, gold),
                        (Node::Tuple(_), Node::List(_)) | (Node::List(_), Node::Tuple(_))
                    )
                {
                    self.ordered(p, g)
                } else if matches!(pred, Node::Set(_)) || matches!(gold, Node::Set(_)) {
                    self.same_set(p, g)
                } else {
                    self.unordered(p, g)
                }
            }
            // `\{3\}` against `3`.
            (Some([only]), None) if is_unordered(pred) => self.answers(only, gold),
            (None, Some([only])) if is_unordered(gold) => self.answers(pred, only),
            (Some(_), None) | (None, Some(_)) => not_equal("a collection against a single value"),
            (None, None)
                if matches!(pred, Node::Interval { .. } | Node::Union(_))
                    || matches!(gold, Node::Interval { .. } | Node::Union(_)) =>
            {
                not_equal("an interval against a value")
            }
            (None, None) => self.scalars(pred, gold),
        }
    }

    fn ordered(&mut self, p: &[Node], g: &[Node]) -> Outcome {
        if p.len() != g.len() {
            return not_equal(format!("{} elements against {}", p.len(), g.len()));
        }
        let mut undecided = None;
        for (i, (a, b)) in p.iter().zip(g).enumerate() {
            match self.answers(a, b) {
                (Decision::Equal, _) => {}
                (Decision::NotEqual, why) => return not_equal(format!("element {}: {why}", i + 1)),
                (Decision::Unknown, why) => undecided = Some(format!("element {}: {why}", i + 1)),
            }
        }
        match undecided {
            Some(why) => unknown(why),
            None => equal(format!("all {} elements equal in order", p.len())),
        }
    }

    /// Set equality: every element on each side equals some element on the other.
    fn same_set(&mut self, p: &[Node], g: &[Node]) -> Outcome {
        if p.len().max(g.len()) > MAX_ELEMENTS {
            return unknown("too many elements to match");
        }
        for (from, to, side) in [(p, g, "response"), (g, p, "reference")] {
            for a in from {
                let mut found = Decision::NotEqual;
                for b in to {
                    match self.answers(a, b).0 {
                        Decision::Equal => {
                            found = Decision::Equal;
                            break;
                        }
                        Decision::Unknown => found = Decision::Unknown,
                        Decision::NotEqual => {}
                    }
                }
                match found {
                    Decision::Equal => {}
                    Decision::Unknown => return unknown("could not match every element"),
                    Decision::NotEqual => {
                        return not_equal(format!("{side} element {a} has no match"))
                    }
                }
            }
        }
        equal("same set of elements")
    }

    /// Multiset equality: each predicted element is matched to a distinct equal gold element.
    fn unordered(&mut self, p: &[Node], g: &[Node]) -> Outcome {
        if p.len() != g.len() {
            return not_equal(format!("{} elements against {}", p.len(), g.len()));
        }
        if p.len() > MAX_ELEMENTS {
            return unknown("too many elements to match");
        }
        let mut used = vec![false; g.len()];
        let mut undecided = false;
        for a in p {
            let mut matched = false;
            for (j, b) in g.iter().enumerate() {
                if used[j] {
                    continue;
                }
                match self.answers(a, b).0 {
                    Decision::Equal => {
                        used[j] = true;
                        matched = true;
                        break;
                    }
                    Decision::Unknown => undecided = true,
                    Decision::NotEqual => {}
                }
            }
            if !matched {
                return if undecided {
                    unknown("could not match every element")
                } else {
                    not_equal(format!("no match for element {a}"))
                };
            }
        }
        equal(format!("all {} elements match", p.len()))
    }

    fn matrices(&mut self, p: &[Vec<Node>], g: &[Vec<Node>]) -> Outcome {
        if p.len() != g.len() || p[0].len() != g[0].len() {
            return not_equal(format!(
                "{}x{} matrix against {}x{}",
                p.len(),
                p[0].len(),
                g.len(),
                g[0].len()
            ));
        }
        let flat_p: Vec<Node> = p.iter().flatten().cloned().collect();
        let flat_g: Vec<Node> = g.iter().flatten().cloned().collect();
        self.ordered(&flat_p, &flat_g)
    }

    /// The subset of the real line an answer describes, normalized; `None` if it describes
    /// none or an end cannot be evaluated. `points`: a finite set `\{1, 2\}` counts too (as an
    /// operand of set algebra).
    fn real_set(&mut self, node: &Node, points: bool) -> Option<Vec<intervals::Span>> {
        let spans = match node {
            Node::Interval {
                lo,
                hi,
                lo_closed,
                hi_closed,
            } => {
                vec![self.numeric_span(&sym(finite(lo), finite(hi), *lo_closed, *hi_closed))?]
            }
            Node::Tuple(v) if v.len() == 2 => {
                vec![self.numeric_span(&sym(finite(&v[0]), finite(&v[1]), false, false))?]
            }
            Node::Union(parts) => {
                let mut all = Vec::new();
                for p in parts {
                    all.extend(self.real_set(p, true)?);
                }
                all
            }
            Node::Intersection(parts) => {
                let mut acc = self.real_set(&parts[0], true)?;
                for p in &parts[1..] {
                    let next = self.real_set(p, true)?;
                    acc = intervals::intersect(&acc, &next)?;
                }
                acc
            }
            Node::Difference(a, b) => {
                let a = self.real_set(a, true)?;
                let b = self.real_set(b, true)?;
                intervals::difference(&a, &b)?
            }
            Node::Set(items) if points => {
                let mut out = Vec::new();
                for item in items {
                    out.push(self.numeric_span(&sym(Some(item), Some(item), true, true))?);
                }
                out
            }
            Node::List(items) if describes_real_set(node) => {
                let mut all = Vec::new();
                for item in items {
                    all.extend(self.real_set(item, false)?);
                }
                all
            }
            Node::Relation(operands, ops) => match (operands.as_slice(), ops.as_slice()) {
                ([Node::Var(_), set], [RelOp::In]) => return self.real_set(set, true),
                _ => {
                    let mut out = Vec::new();
                    for s in relation_spans(operands, ops)? {
                        out.push(self.numeric_span(&s)?);
                    }
                    out
                }
            },
            _ => return None,
        };
        intervals::normalize(spans)
    }

    fn numeric_span(&mut self, s: &SymSpan) -> Option<intervals::Span> {
        let mut end = |n: &Option<Node>| -> Option<Option<Num>> {
            match n {
                None => Some(None),
                Some(n) => eval(n, &[], Reading::PLAIN, self.budget).ok().map(Some),
            }
        };
        Some(intervals::Span {
            lo: end(&s.lo)?,
            hi: end(&s.hi)?,
            lo_closed: s.lo_closed,
            hi_closed: s.hi_closed,
        })
    }

    /// Equations and inequalities: `lhs - rhs` of one is a constant multiple of the other's
    /// (a positive multiple for inequalities, after facing both the same way).
    fn relations(&mut self, po: &[Node], pops: &[RelOp], go: &[Node], gops: &[RelOp]) -> Outcome {
        if po.len() != 2 || go.len() != 2 {
            if po.len() == go.len() && pops == gops {
                return self.ordered(po, go);
            }
            return not_equal("different relation chains");
        }
        let (p_diff, p_op) = facing(po, pops[0]);
        let (g_diff, g_op) = facing(go, gops[0]);
        if p_op != g_op {
            return not_equal("different relation symbols");
        }
        let positive_only = !matches!(p_op, RelOp::Eq | RelOp::Ne);
        self.proportional(&p_diff, &g_diff, positive_only)
    }

    fn proportional(&mut self, p: &Node, g: &Node, positive_only: bool) -> Outcome {
        let vars: Vec<String> = free_variables(p)
            .union(&free_variables(g))
            .cloned()
            .collect();
        let mut ratio: Option<Num> = None;
        let mut valid = 0;
        for k in 0..SAMPLE_POINTS {
            let env = sample_point(&vars, k);
            let (Ok(a), Ok(b)) = (
                eval(p, &env, Reading::PLAIN, self.budget),
                eval(g, &env, Reading::PLAIN, self.budget),
            ) else {
                if self.budget.remaining() == 0 {
                    return unknown("work budget exhausted");
                }
                continue;
            };
            let Ok(r) = a.div(&b, self.budget) else {
                continue;
            };
            if let Some(prev) = &ratio {
                match approx_eq(prev, &r, self.opts.float_tolerance) {
                    Tri::True => {}
                    Tri::False => return not_equal("the two relations are not equivalent"),
                    Tri::Unknown => return unknown("could not compare the relations"),
                }
            } else {
                if r.is_zero_exact() {
                    return not_equal("the two relations are not equivalent");
                }
                if positive_only && cmp_real(&r, &Num::zero()) != Some(std::cmp::Ordering::Greater)
                {
                    return not_equal("the inequalities point in opposite directions");
                }
                ratio = Some(r);
            }
            valid += 1;
        }
        if valid >= 2 {
            equal("equivalent relations")
        } else {
            unknown("could not evaluate the relations")
        }
    }

    fn scalars(&mut self, pred: &Node, gold: &Node) -> Outcome {
        match (pred.is_infinity(), gold.is_infinity()) {
            (Some(a), Some(b)) => {
                return if a == b {
                    equal("same infinity")
                } else {
                    not_equal("opposite infinities")
                }
            }
            (Some(_), None) | (None, Some(_)) => {
                return not_equal("infinity against a finite value")
            }
            _ => {}
        }
        let mut best = not_equal("different values");
        let mut all_not_equal = true;
        for reading in self.readings(pred, gold) {
            let outcome = self.scalars_read(pred, gold, reading);
            match outcome.0 {
                Decision::Equal => return outcome,
                Decision::Unknown => {
                    all_not_equal = false;
                    best = outcome;
                }
                Decision::NotEqual if all_not_equal => best = outcome,
                Decision::NotEqual => {}
            }
        }
        best
    }

    /// The readings of `%` and degree signs worth trying.
    fn readings(&self, pred: &Node, gold: &Node) -> Vec<Reading> {
        let has = |f: &dyn Fn(&Node) -> bool| pred.any(f) || gold.any(f);
        let percents: &[bool] =
            if has(&|n| matches!(n, Node::Percent(_))) && self.opts.percent == Percent::Either {
                &[true, false]
            } else {
                &[true]
            };
        let degrees: &[bool] = if has(&|n| matches!(n, Node::Degrees(_))) {
            &[false, true]
        } else {
            &[false]
        };
        let mut out = Vec::new();
        for &p in percents {
            for &d in degrees {
                out.push(Reading {
                    percent_as_fraction: p,
                    degrees_as_radians: d,
                });
            }
        }
        out
    }

    fn scalars_read(&mut self, pred: &Node, gold: &Node, reading: Reading) -> Outcome {
        let vars: Vec<String> = free_variables(pred)
            .union(&free_variables(gold))
            .cloned()
            .collect();
        if vars.is_empty() {
            return self.values(pred, gold, reading);
        }
        let mut valid = 0;
        for k in 0..SAMPLE_POINTS {
            let env = sample_point(&vars, k);
            let a = eval(pred, &env, reading, self.budget);
            let b = eval(gold, &env, reading, self.budget);
            match (a, b) {
                (Ok(a), Ok(b)) => match approx_eq(&a, &b, self.opts.float_tolerance) {
                    Tri::True => valid += 1,
                    Tri::False => {
                        return not_equal(format!("differ at {}", describe_point(&vars, k)))
                    }
                    Tri::Unknown => return unknown("could not compare the expressions"),
                },
                (Err(EvalError::Num(_)), _) | (_, Err(EvalError::Num(_))) => {
                    if self.budget.remaining() == 0 {
                        return unknown("work budget exhausted");
                    }
                }
                (Err(e), _) | (_, Err(e)) => return unknown(format!("cannot evaluate: {e}")),
            }
        }
        if valid >= 3 {
            equal(format!("equal at {valid} random points"))
        } else {
            unknown("too few points where both sides are defined")
        }
    }

    fn values(&mut self, pred: &Node, gold: &Node, reading: Reading) -> Outcome {
        let a = match eval(pred, &[], reading, self.budget) {
            Ok(a) => a,
            Err(e) => return unknown(format!("cannot evaluate the response: {e}")),
        };
        let b = match eval(gold, &[], reading, self.budget) {
            Ok(b) => b,
            Err(e) => return unknown(format!("cannot evaluate the reference: {e}")),
        };
        match approx_eq(&a, &b, self.opts.float_tolerance) {
            Tri::True => return equal("same value"),
            Tri::Unknown => {
                return unknown("values too close to tell apart within the error bounds")
            }
            Tri::False => {}
        }
        // A decimal reference such as 0.333 accepts 1/3, rounded to its places.
        if self.opts.rounding != super::Rounding::Exact && is_decimal_literal(pred).is_none() {
            if let Some(lit) = is_decimal_literal(gold) {
                let places = decimal_places(lit);
                let precise_enough = self.opts.rounding == super::Rounding::ReferencePrecision
                    || places >= super::MIN_ROUNDED_PLACES
                    || significant_digits(lit) >= super::MIN_ROUNDED_DIGITS;
                if places > 0 && precise_enough {
                    if let (Some(r), Some(g)) = (round_to_places(&a, places), b.as_exact_real()) {
                        if &r == g {
                            return equal(format!("equal after rounding to {places} places"));
                        }
                    }
                }
            }
        }
        // A calculator-length decimal response (0.333333, 4.123106) for an exact reference that
        // is no terminating decimal: equal when it is the reference rounded to its places.
        if self.opts.rounding != super::Rounding::Exact && is_decimal_literal(gold).is_none() {
            if let Some(lit) = is_decimal_literal(pred) {
                let places = decimal_places(lit);
                if places >= super::MIN_APPROXIMATION_PLACES {
                    if let (Some(r), Some(p)) = (round_to_places(&b, places), a.as_exact_real()) {
                        if &r == p {
                            return equal(format!("the reference rounded to {places} places"));
                        }
                    }
                }
            }
        }
        not_equal("different values")
    }
}
