//! The second pass: tokens to an `ast::Node` by precedence climbing, with the nesting depth
//! capped and the recursion paid for from the work budget.

use super::lexer::Tok;
use super::{err, ParseError};
use crate::verify::ast::{Const, FuncName, Node, RelOp};
use crate::verify::num::Budget;

/// Deepest nesting of brackets / operators we follow.
const MAX_DEPTH: usize = 96;

struct Parser<'b> {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
    /// Inside `|...|`: a `|` closes instead of starting a new absolute value.
    abs_depth: usize,
    /// Parsing the argument of `\sin` & co.: another function starts a new factor outside it.
    in_func_arg: bool,
    budget: &'b mut Budget,
}

/// `{a \over b}` divides everything on its left by everything on its right.
const PREC_OVER: u8 = 5;
const PREC_ADD: u8 = 10;
const PREC_MUL: u8 = 20;
const PREC_NEG: u8 = 25;
const PREC_POW: u8 = 30;

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    fn eat(&mut self, tok: &Tok) -> bool {
        if self.peek() == Some(tok) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(format!("nesting deeper than {MAX_DEPTH} levels"));
        }
        self.budget.spend(1).map_err(|e| ParseError(e.to_string()))
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn is_separator(tok: &Tok) -> bool {
        matches!(tok, Tok::Comma | Tok::Semicolon)
            || matches!(tok, Tok::Word(w) if w == "and" || w == "or")
    }

    /// Items separated by commas (or "and"/"or") up to the end or a closing bracket.
    fn parse_items(&mut self) -> Result<Vec<Node>, ParseError> {
        // Inside brackets or braces a function's argument may be any expression again.
        let was = std::mem::replace(&mut self.in_func_arg, false);
        let items = self.parse_items_inner();
        self.in_func_arg = was;
        items
    }

    fn parse_items_inner(&mut self) -> Result<Vec<Node>, ParseError> {
        let mut items = Vec::new();
        // Whether every separator so far was the word "and".
        let mut only_and = true;
        loop {
            while let Some(t) = self.peek().filter(|t| Self::is_separator(t)) {
                only_and &= matches!(t, Tok::Word(w) if w == "and");
                self.pos += 1;
            }
            match self.peek() {
                None | Some(Tok::Close(_) | Tok::SetClose | Tok::End | Tok::RowSep) => break,
                Some(Tok::Op('&')) => break,
                _ => {}
            }
            items.push(self.parse_relation()?);
            match self.peek() {
                Some(t) if Self::is_separator(t) => continue,
                _ => break,
            }
        }
        // `x > -1 \text{ and } x < 3`: inequalities that must all hold are their intersection.
        let inequality = |n: &Node| {
            matches!(n, Node::Relation(_, ops)
                if ops.iter().all(|op| matches!(op, RelOp::Lt | RelOp::Le | RelOp::Gt | RelOp::Ge)))
        };
        if only_and && items.len() >= 2 && items.iter().all(inequality) {
            return Ok(vec![Node::Intersection(items)]);
        }
        Ok(items)
    }

    fn parse_relation(&mut self) -> Result<Node, ParseError> {
        self.budget
            .spend(1)
            .map_err(|e| ParseError(e.to_string()))?;
        let mut operands = vec![self.parse_union()?];
        let mut ops = Vec::new();
        while let Some(Tok::Rel(op)) = self.peek().cloned() {
            self.pos += 1;
            ops.push(op);
            operands.push(self.parse_union()?);
        }
        Ok(if ops.is_empty() {
            operands.pop().unwrap_or(Node::List(vec![]))
        } else {
            Node::Relation(operands, ops)
        })
    }

    /// Set algebra, left to right: `A \cup B`, `A \cap B`, `A \setminus B`.
    fn parse_union(&mut self) -> Result<Node, ParseError> {
        let mut acc = self.parse_expr(0)?;
        loop {
            let op = match self.peek() {
                Some(Tok::Cmd(c)) if matches!(c.as_str(), "cup" | "cap" | "setminus") => c.clone(),
                _ if self.is_letter_u_union() => "cup".to_string(),
                _ => break,
            };
            self.pos += 1;
            let rhs = interval_if_pair(self.parse_expr(0)?);
            let lhs = interval_if_pair(acc);
            acc = match (op.as_str(), lhs) {
                ("cup", Node::Union(mut parts)) => {
                    parts.push(rhs);
                    Node::Union(parts)
                }
                ("cup", lhs) => Node::Union(vec![lhs, rhs]),
                ("cap", Node::Intersection(mut parts)) => {
                    parts.push(rhs);
                    Node::Intersection(parts)
                }
                ("cap", lhs) => Node::Intersection(vec![lhs, rhs]),
                (_, lhs) => Node::Difference(Box::new(lhs), Box::new(rhs)),
            };
        }
        // A union of finite sets is a finite set.
        if let Node::Union(parts) = &acc {
            if parts.iter().all(|p| matches!(p, Node::Set(_))) {
                let items = parts.iter().filter_map(|p| {
                    if let Node::Set(v) = p {
                        Some(v.clone())
                    } else {
                        None
                    }
                });
                return Ok(Node::Set(items.flatten().collect()));
            }
        }
        Ok(acc)
    }

    /// `(1,2) U (3,4)`: a capital U between two intervals written in plain text.
    fn is_letter_u_union(&self) -> bool {
        self.peek() == Some(&Tok::Letter("U".into()))
            && matches!(self.toks.get(self.pos + 1), Some(Tok::Open('(' | '[')))
            && matches!(
                self.toks.get(self.pos.wrapping_sub(1)),
                Some(Tok::Close(')' | ']'))
            )
    }

    fn parse_expr(&mut self, min_prec: u8) -> Result<Node, ParseError> {
        self.enter()?;
        let mut lhs = self.parse_prefix()?;
        while let Some(tok) = self.peek().cloned() {
            let (prec, right_assoc) = match &tok {
                Tok::Op('+' | '-') => (PREC_ADD, false),
                Tok::Cmd(c) if c == "pm" || c == "mp" => (PREC_ADD, false),
                // `\sin x \cdot 2` is 2 sin x: an unbracketed argument ends at `\cdot` and `/`.
                Tok::Op('*' | '/') if self.in_func_arg => break,
                Tok::Op('*' | '/') => (PREC_MUL, false),
                Tok::Cmd(c) if c == "choose" => (PREC_MUL, false),
                Tok::Cmd(c) if c == "over" => (PREC_OVER, false),
                Tok::Op('^') => (PREC_POW, true),
                Tok::Op('!') | Tok::Percent | Tok::Degree => {
                    self.pos += 1;
                    lhs = self.postfix(lhs, &tok);
                    continue;
                }
                _ if self.starts_primary() => {
                    if min_prec > PREC_MUL {
                        break;
                    }
                    let rhs = self.parse_expr(PREC_MUL + 1)?;
                    lhs = implicit_product(lhs, rhs);
                    continue;
                }
                _ => break,
            };
            if prec < min_prec {
                break;
            }
            self.pos += 1;
            let next_min = if right_assoc { prec } else { prec + 1 };
            let rhs = if tok == Tok::Op('^') {
                self.parse_exponent()?
            } else {
                self.parse_expr(next_min)?
            };
            lhs = match tok {
                Tok::Op('+') => append(lhs, rhs, Node::Add),
                Tok::Op('-') => append(lhs, Node::Neg(Box::new(rhs)), Node::Add),
                Tok::Cmd(c) if c == "pm" => Node::PlusMinus(Box::new(lhs), Box::new(rhs)),
                Tok::Cmd(c) if c == "mp" => {
                    Node::PlusMinus(Box::new(lhs), Box::new(Node::Neg(Box::new(rhs))))
                }
                Tok::Cmd(c) if c == "over" => Node::Div(Box::new(lhs), Box::new(rhs)),
                Tok::Cmd(_) => Node::Binom(Box::new(lhs), Box::new(rhs)),
                Tok::Op('*') => append(lhs, rhs, Node::Mul),
                Tok::Op('/') => Node::Div(Box::new(lhs), Box::new(rhs)),
                _ => Node::Pow(Box::new(lhs), Box::new(rhs)),
            };
        }
        self.leave();
        Ok(lhs)
    }

    fn parse_exponent(&mut self) -> Result<Node, ParseError> {
        if self.peek() == Some(&Tok::Degree) {
            return err("degree sign in an exponent");
        }
        self.parse_expr(PREC_POW)
    }

    fn postfix(&mut self, lhs: Node, tok: &Tok) -> Node {
        match tok {
            Tok::Op('!') => {
                if self.eat(&Tok::Op('!')) {
                    Node::DoubleFactorial(Box::new(lhs))
                } else {
                    Node::Factorial(Box::new(lhs))
                }
            }
            Tok::Percent => Node::Percent(Box::new(lhs)),
            _ => Node::Degrees(Box::new(lhs)),
        }
    }

    /// Can the next token begin a factor of an implicit product (`2x`, `3\sqrt2`, `x(x+1)`)?
    fn starts_primary(&self) -> bool {
        match self.peek() {
            Some(Tok::Word(w)) => w != "and" && w != "or",
            // `(1,2) U (3,4)`: that U is a union, not a factor.
            Some(Tok::Letter(_)) if self.is_letter_u_union() => false,
            Some(Tok::Num(_) | Tok::Letter(_) | Tok::SetOpen | Tok::Begin(_)) => true,
            Some(Tok::Open(_)) => true,
            Some(Tok::Op('|')) => self.abs_depth == 0,
            Some(Tok::Cmd(c)) => {
                let is_func = FuncName::from_name(c).is_some() || c == "log";
                if is_func && self.in_func_arg {
                    return false;
                }
                is_func
                    || matches!(
                        c.as_str(),
                        "sqrt" | "frac" | "binom" | "pi" | "infty" | "lfloor" | "lceil"
                    )
            }
            _ => false,
        }
    }

    fn parse_prefix(&mut self) -> Result<Node, ParseError> {
        match self.peek() {
            Some(Tok::Op('-')) => {
                self.pos += 1;
                let inner = self.parse_expr(PREC_NEG)?;
                Ok(Node::Neg(Box::new(inner)))
            }
            Some(Tok::Op('+')) => {
                self.pos += 1;
                self.parse_expr(PREC_NEG)
            }
            Some(Tok::Cmd(c)) if c == "pm" || c == "mp" => {
                self.pos += 1;
                let inner = self.parse_expr(PREC_NEG)?;
                Ok(Node::PlusMinus(
                    Box::new(Node::Num("0".into())),
                    Box::new(inner),
                ))
            }
            _ => self.parse_primary(),
        }
    }

    fn parse_primary(&mut self) -> Result<Node, ParseError> {
        let Some(tok) = self.next() else {
            return err("unexpected end of answer");
        };
        match tok {
            Tok::Num(n) => self.number_or_mixed(n),
            Tok::Letter(name) => Ok(self.variable(name)),
            Tok::Word(w) => Ok(Node::Text(w)),
            Tok::Cmd(c) => self.command(&c),
            Tok::Open(open) => self.bracketed(open),
            Tok::SetOpen => {
                if let Some(condition_at) = self.set_builder_condition() {
                    // `\{x \in \mathbb{R} : x \neq 3\}` is the set its condition describes.
                    self.pos = condition_at;
                    let mut items = self.parse_items()?;
                    self.expect_close(&Tok::SetClose)?;
                    return match items.len() {
                        1 => Ok(items.pop().unwrap_or(Node::List(vec![]))),
                        _ => Ok(Node::List(items)),
                    };
                }
                let items = self.parse_items()?;
                self.expect_close(&Tok::SetClose)?;
                Ok(Node::Set(items))
            }
            Tok::Op('|') => {
                self.abs_depth += 1;
                let inner = self.parse_expr(0);
                self.abs_depth -= 1;
                let inner = inner?;
                if !self.eat(&Tok::Op('|')) {
                    return err("unclosed |...|");
                }
                Ok(Node::Func(FuncName::Abs, Box::new(inner)))
            }
            Tok::Begin(env) => self.matrix(&env),
            other => err(format!("unexpected {}", describe(&other))),
        }
    }

    /// After `\{`: set-builder notation `x : ...`, `x | ...`, `x \in S : ...`? Then the index
    /// of the condition's first token.
    fn set_builder_condition(&self) -> Option<usize> {
        let is_separator = |t: Option<&Tok>| matches!(t, Some(Tok::Op('/' | '|')));
        if !matches!(self.toks.get(self.pos), Some(Tok::Letter(_))) {
            return None;
        }
        let after_name = self.pos + 1;
        if is_separator(self.toks.get(after_name)) {
            return Some(after_name + 1);
        }
        if self.toks.get(after_name) != Some(&Tok::Rel(RelOp::In)) {
            return None;
        }
        // `x \in S` then the separator, with no brace of the set closing in between.
        let mut i = after_name + 1;
        while i < self.toks.len() && i < after_name + 16 {
            match &self.toks[i] {
                Tok::SetClose => return None,
                t if is_separator(Some(t)) => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    }

    fn expect_close(&mut self, close: &Tok) -> Result<(), ParseError> {
        match self.next() {
            Some(ref t) if t == close => Ok(()),
            Some(t) => err(format!(
                "expected {} but found {}",
                describe(close),
                describe(&t)
            )),
            None => err(format!("missing {}", describe(close))),
        }
    }

    /// `3\frac{1}{2}` and `3 1/2` are the mixed number 7/2, not 3/2.
    fn number_or_mixed(&mut self, n: String) -> Result<Node, ParseError> {
        let whole = Node::Num(n.clone());
        let integer = |t: Option<&Tok>| matches!(t, Some(Tok::Num(s)) if !s.contains('.'));
        if !n.contains('.')
            && integer(self.toks.get(self.pos))
            && self.toks.get(self.pos + 1) == Some(&Tok::Op('/'))
            && integer(self.toks.get(self.pos + 2))
            && !matches!(self.toks.get(self.pos + 3), Some(Tok::Op('^')))
        {
            let (Some(Tok::Num(a)), Some(Tok::Num(b))) =
                (self.next(), self.toks.get(self.pos + 1).cloned())
            else {
                return Ok(whole);
            };
            self.pos += 2;
            let frac = Node::Div(Box::new(Node::Num(a)), Box::new(Node::Num(b)));
            return Ok(Node::Add(vec![whole, frac]));
        }
        if n.contains('.') || self.peek() != Some(&Tok::Cmd("frac".into())) {
            return Ok(whole);
        }
        let save = self.pos;
        self.pos += 1;
        let frac = self.command("frac")?;
        if let Node::Div(a, b) = &frac {
            if matches!(**a, Node::Num(ref s) if !s.contains('.'))
                && matches!(**b, Node::Num(ref s) if !s.contains('.'))
            {
                return Ok(Node::Add(vec![whole, frac]));
            }
        }
        self.pos = save;
        Ok(whole)
    }

    fn variable(&mut self, name: String) -> Node {
        let mut name = name;
        match name.as_str() {
            "e" if self.peek() != Some(&Tok::Op('_')) => return Node::Const(Const::E),
            "i" if self.peek() != Some(&Tok::Op('_')) => return Node::Const(Const::I),
            _ => {}
        }
        if self.eat(&Tok::Op('_')) {
            match self.next() {
                Some(Tok::Num(n)) => name = format!("{name}_{n}"),
                Some(Tok::Letter(l)) => name = format!("{name}_{l}"),
                Some(Tok::Open('{')) => {
                    let mut sub = String::new();
                    while let Some(t) = self.next() {
                        match t {
                            Tok::Close('}') => break,
                            Tok::Num(s) | Tok::Letter(s) | Tok::Word(s) => sub.push_str(&s),
                            _ => sub.push('?'),
                        }
                    }
                    name = format!("{name}_{sub}");
                }
                _ => {}
            }
        }
        while self.eat(&Tok::Op('\'')) {
            name.push('\'');
        }
        Node::Var(name)
    }

    /// An argument of `\frac`, `\sqrt`, `\binom`: a braced group, or a single token
    /// (`\frac12` reads digit by digit).
    fn parse_arg(&mut self) -> Result<Node, ParseError> {
        match self.peek().cloned() {
            Some(Tok::Open('{')) => {
                self.pos += 1;
                let inner = self.parse_group_body()?;
                self.expect_close(&Tok::Close('}'))?;
                Ok(inner)
            }
            Some(Tok::Num(n)) if n.len() > 1 => {
                let first = n[..1].to_string();
                self.toks[self.pos] = Tok::Num(n[1..].to_string());
                Ok(Node::Num(first))
            }
            Some(Tok::Num(_) | Tok::Letter(_) | Tok::Cmd(_) | Tok::Open('(')) => {
                self.parse_primary()
            }
            Some(t) => err(format!("expected an argument but found {}", describe(&t))),
            None => err("missing argument"),
        }
    }

    fn parse_group_body(&mut self) -> Result<Node, ParseError> {
        let items = self.parse_items()?;
        Ok(match items.len() {
            0 => return err("empty group {}"),
            1 => items.into_iter().next().unwrap_or(Node::List(vec![])),
            _ => Node::List(items),
        })
    }

    fn command(&mut self, name: &str) -> Result<Node, ParseError> {
        self.enter()?;
        let node = match name {
            "frac" => {
                let num = self.parse_arg()?;
                let den = self.parse_arg()?;
                Node::Div(Box::new(num), Box::new(den))
            }
            "binom" => {
                let n = self.parse_arg()?;
                let k = self.parse_arg()?;
                Node::Binom(Box::new(n), Box::new(k))
            }
            "sqrt" => {
                let mut index = Node::Num("2".into());
                if self.eat(&Tok::Open('[')) {
                    index = self.parse_expr(0)?;
                    self.expect_close(&Tok::Close(']'))?;
                }
                let radicand = self.parse_arg()?;
                Node::Root(Box::new(index), Box::new(radicand))
            }
            "pi" => Node::Const(Const::Pi),
            "infty" => Node::Const(Const::Infinity),
            "emptyset" => Node::Set(vec![]),
            "lfloor" | "lceil" => {
                let inner = self.parse_expr(0)?;
                let close = if name == "lfloor" { "rfloor" } else { "rceil" };
                self.expect_close(&Tok::Cmd(close.into()))?;
                let f = if name == "lfloor" {
                    FuncName::Floor
                } else {
                    FuncName::Ceil
                };
                Node::Func(f, Box::new(inner))
            }
            "log" => {
                let base = if self.eat(&Tok::Op('_')) {
                    self.parse_arg()?
                } else {
                    Node::Num("10".into())
                };
                let power = self.function_power()?;
                let arg = self.function_argument()?;
                apply_power(Node::Log(Box::new(base), Box::new(arg)), power)
            }
            f => match FuncName::from_name(f) {
                Some(func) => {
                    let power = self.function_power()?;
                    let (func, power) = match (&power, func.inverse()) {
                        (Some(Node::Neg(p)), Some(inv)) if **p == Node::Num("1".into()) => {
                            (inv, None)
                        }
                        _ => (func, power),
                    };
                    let arg = self.function_argument()?;
                    apply_power(Node::Func(func, Box::new(arg)), power)
                }
                None => return err(format!("unexpected \\{f}")),
            },
        };
        self.leave();
        Ok(node)
    }

    /// `\sin^2 x`: the power written between a function name and its argument.
    fn function_power(&mut self) -> Result<Option<Node>, ParseError> {
        if self.eat(&Tok::Op('^')) {
            Ok(Some(self.parse_exponent()?))
        } else {
            Ok(None)
        }
    }

    /// `\sin(x)`, `\sin{x}`, or `\sin 2x` (an implicit product of simple factors). A bracketed
    /// argument is the bracket alone: in `\sin(x) \cdot 2`, `\ln(5)/\ln(3)` and `\sin(x)^2`
    /// what follows applies to the function's value.
    fn function_argument(&mut self) -> Result<Node, ParseError> {
        if matches!(self.peek(), Some(Tok::Open('(' | '[' | '{'))) {
            return self.parse_primary();
        }
        let was = self.in_func_arg;
        self.in_func_arg = true;
        let arg = self.parse_expr(PREC_MUL);
        self.in_func_arg = was;
        arg
    }

    fn bracketed(&mut self, open: char) -> Result<Node, ParseError> {
        let items = self.parse_items()?;
        let close = match self.next() {
            Some(Tok::Close(c)) => c,
            Some(t) => {
                return err(format!(
                    "expected a closing bracket but found {}",
                    describe(&t)
                ))
            }
            None => return err(format!("unclosed '{open}'")),
        };
        let mut items = items;
        match (open, items.len(), close) {
            (_, 0, _) => err("empty brackets"),
            ('{', 1, '}') | ('(', 1, ')') | ('[', 1, ']') | ('(', 1, ']') | ('[', 1, ')') => {
                Ok(items.pop().unwrap_or(Node::List(vec![])))
            }
            ('{', _, '}') => Ok(Node::Set(items)),
            ('(', 2, ')') => Ok(Node::Tuple(items)),
            ('(' | '[', 2, ')' | ']') => {
                let hi = items.pop().unwrap_or(Node::List(vec![]));
                let lo = items.pop().unwrap_or(Node::List(vec![]));
                Ok(Node::Interval {
                    lo: Box::new(lo),
                    hi: Box::new(hi),
                    lo_closed: open == '[',
                    hi_closed: close == ']',
                })
            }
            ('(' | '[', _, ')' | ']') => Ok(Node::Tuple(items)),
            _ => err(format!("'{open}' closed by '{close}'")),
        }
    }

    fn matrix(&mut self, env: &str) -> Result<Node, ParseError> {
        if !env.ends_with("matrix") && env != "array" {
            return err(format!("unsupported environment {env}"));
        }
        let mut rows: Vec<Vec<Node>> = Vec::new();
        let mut row = Vec::new();
        loop {
            match self.peek() {
                Some(Tok::End) => {
                    self.pos += 1;
                    break;
                }
                None => return err(format!("unclosed \\begin{{{env}}}")),
                Some(Tok::RowSep) => {
                    self.pos += 1;
                    if !row.is_empty() {
                        rows.push(std::mem::take(&mut row));
                    }
                }
                Some(Tok::Op('&')) => self.pos += 1,
                _ => row.push(self.parse_expr(0)?),
            }
        }
        if !row.is_empty() {
            rows.push(row);
        }
        let width = rows.first().map_or(0, Vec::len);
        if width == 0 || rows.iter().any(|r| r.len() != width) {
            return err("matrix rows of different lengths");
        }
        Ok(Node::Matrix(rows))
    }
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Num(n) => format!("number {n}"),
        Tok::Letter(l) => format!("'{l}'"),
        Tok::Word(w) => format!("word '{w}'"),
        Tok::Cmd(c) => format!("\\{c}"),
        Tok::Op(c) | Tok::Open(c) | Tok::Close(c) => format!("'{c}'"),
        Tok::SetOpen => "'\\{'".into(),
        Tok::SetClose => "'\\}'".into(),
        Tok::Comma => "','".into(),
        Tok::Semicolon => "';'".into(),
        Tok::Rel(op) => format!("'{}'", op.symbol().trim()),
        Tok::Percent => "'%'".into(),
        Tok::Degree => "degree sign".into(),
        Tok::RowSep => "'\\\\'".into(),
        Tok::Begin(e) => format!("\\begin{{{e}}}"),
        Tok::End => "\\end".into(),
    }
}

fn append(lhs: Node, rhs: Node, make: fn(Vec<Node>) -> Node) -> Node {
    let same_kind = matches!(
        (&lhs, make(vec![])),
        (Node::Add(_), Node::Add(_)) | (Node::Mul(_), Node::Mul(_))
    );
    match lhs {
        Node::Add(mut v) | Node::Mul(mut v) if same_kind => {
            v.push(rhs);
            make(v)
        }
        other => make(vec![other, rhs]),
    }
}

fn implicit_product(lhs: Node, rhs: Node) -> Node {
    append(lhs, rhs, Node::Mul)
}

/// In set algebra `(a, b)` is an open interval, not a pair.
fn interval_if_pair(node: Node) -> Node {
    match node {
        Node::Tuple(mut v) if v.len() == 2 => {
            let hi = v.pop().unwrap_or(Node::List(vec![]));
            let lo = v.pop().unwrap_or(Node::List(vec![]));
            Node::Interval {
                lo: Box::new(lo),
                hi: Box::new(hi),
                lo_closed: false,
                hi_closed: false,
            }
        }
        other => other,
    }
}

fn apply_power(node: Node, power: Option<Node>) -> Node {
    match power {
        Some(p) => Node::Pow(Box::new(node), Box::new(p)),
        None => node,
    }
}

/// Words multiplied onto a value are units (`5 cm`, `12 dollars`): drop them. A product of
/// words only is a text answer.
fn settle_words(node: Node) -> Node {
    match node {
        Node::Mul(factors) => {
            let (words, values): (Vec<Node>, Vec<Node>) = factors
                .into_iter()
                .map(settle_words)
                .partition(|f| matches!(f, Node::Text(_)));
            if values.is_empty() {
                let text: Vec<String> = words
                    .into_iter()
                    .filter_map(|w| if let Node::Text(t) = w { Some(t) } else { None })
                    .collect();
                Node::Text(text.join(" "))
            } else if values.len() == 1 {
                values.into_iter().next().unwrap_or(Node::List(vec![]))
            } else {
                Node::Mul(values)
            }
        }
        Node::List(items) => Node::List(items.into_iter().map(settle_words).collect()),
        Node::Set(items) => Node::Set(items.into_iter().map(settle_words).collect()),
        Node::Tuple(items) => Node::Tuple(items.into_iter().map(settle_words).collect()),
        Node::Relation(items, ops) => {
            Node::Relation(items.into_iter().map(settle_words).collect(), ops)
        }
        Node::Percent(a) => Node::Percent(Box::new(settle_words(*a))),
        Node::Degrees(a) => Node::Degrees(Box::new(settle_words(*a))),
        Node::Neg(a) => Node::Neg(Box::new(settle_words(*a))),
        other => other,
    }
}

/// The tree of a lexed answer that is neither empty nor a choice letter.
pub(super) fn parse_tokens(toks: Vec<Tok>, budget: &mut Budget) -> Result<Node, ParseError> {
    if let Some(groups) = solution_groups(&toks, budget) {
        return Ok(groups);
    }
    parse_list(toks, budget)
}

/// Top-level items: one node, or a list of several.
fn parse_list(toks: Vec<Tok>, budget: &mut Budget) -> Result<Node, ParseError> {
    let mut parser = Parser {
        toks,
        pos: 0,
        depth: 0,
        abs_depth: 0,
        in_func_arg: false,
        budget,
    };
    let items = parser.parse_items()?;
    if let Some(t) = parser.peek() {
        return err(format!("unexpected {} after the answer", describe(t)));
    }
    let node = match items.len() {
        0 => return err("empty answer"),
        1 => items.into_iter().next().unwrap_or(Node::List(vec![])),
        _ => Node::List(items),
    };
    Ok(settle_words(node))
}

/// Several solutions, each a list: `p=5,q=2;p=7,q=2` and `x=2, y=3 \text{ or } x=3, y=2` are
/// the list of two solutions, each a list of assignments. A top-level `;` always separates
/// solutions; "or" does only between lists of two or more assignments (in `1, 2 or 3` it is a
/// comma). `None` when the answer is not of this form.
fn solution_groups(toks: &[Tok], budget: &mut Budget) -> Option<Node> {
    let mut depth = 0usize;
    let mut cuts = Vec::new();
    let mut semicolon = false;
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Open(_) | Tok::SetOpen | Tok::Begin(_) => depth += 1,
            Tok::Close(_) | Tok::SetClose | Tok::End => depth = depth.saturating_sub(1),
            Tok::Semicolon if depth == 0 => {
                semicolon = true;
                cuts.push(i);
            }
            Tok::Word(w) if depth == 0 && w == "or" => cuts.push(i),
            _ => {}
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut groups = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for end in cuts.into_iter().chain([toks.len()]) {
        groups.push(parse_list(toks[start..end].to_vec(), budget).ok()?);
        start = end + 1;
    }
    let assignments = |n: &Node| {
        matches!(n, Node::List(items) if items.len() >= 2
            && items.iter().all(|i| matches!(i, Node::Relation(_, ops) if ops == &[RelOp::Eq])))
    };
    (semicolon || groups.iter().all(assignments)).then_some(Node::List(groups))
}
