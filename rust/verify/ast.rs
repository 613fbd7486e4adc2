//! The parsed form of an answer: one tree for numbers, expressions, collections and relations.

use std::fmt;

/// Named functions (`\sin`, `\ln`, ...): the numeric layer's own enum, so evaluation needs no
/// mapping. The parser-facing methods live here.
pub use super::num::Func as FuncName;

impl FuncName {
    pub fn from_name(name: &str) -> Option<FuncName> {
        Some(match name {
            "sin" => FuncName::Sin,
            "cos" => FuncName::Cos,
            "tan" | "tg" => FuncName::Tan,
            "cot" | "ctg" => FuncName::Cot,
            "sec" => FuncName::Sec,
            "csc" => FuncName::Csc,
            "arcsin" | "asin" => FuncName::Asin,
            "arccos" | "acos" => FuncName::Acos,
            "arctan" | "atan" => FuncName::Atan,
            "sinh" => FuncName::Sinh,
            "cosh" => FuncName::Cosh,
            "tanh" => FuncName::Tanh,
            "ln" => FuncName::Ln,
            "exp" => FuncName::Exp,
            "abs" => FuncName::Abs,
            "floor" => FuncName::Floor,
            "ceil" => FuncName::Ceil,
            _ => return None,
        })
    }

    /// `\sin^{-1}` means arcsin.
    pub fn inverse(self) -> Option<FuncName> {
        Some(match self {
            FuncName::Sin => FuncName::Asin,
            FuncName::Cos => FuncName::Acos,
            FuncName::Tan => FuncName::Atan,
            _ => return None,
        })
    }

    pub fn is_trig(self) -> bool {
        matches!(
            self,
            FuncName::Sin
                | FuncName::Cos
                | FuncName::Tan
                | FuncName::Cot
                | FuncName::Sec
                | FuncName::Csc
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Const {
    Pi,
    E,
    I,
    Infinity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `x \in S`
    In,
    /// `x \approx 3.14`: only inside a chain (`A = 25\pi \approx 78.54`), which compares by
    /// its sides; on its own it reads like `=`.
    Approx,
}

impl RelOp {
    pub fn symbol(self) -> &'static str {
        match self {
            RelOp::Eq => "=",
            RelOp::Ne => "!=",
            RelOp::Lt => "<",
            RelOp::Le => "<=",
            RelOp::Gt => ">",
            RelOp::Ge => ">=",
            RelOp::In => " in ",
            RelOp::Approx => " ~= ",
        }
    }

    /// The same relation with its sides swapped (`a < b` is `b > a`).
    pub fn flipped(self) -> RelOp {
        match self {
            RelOp::Lt => RelOp::Gt,
            RelOp::Le => RelOp::Ge,
            RelOp::Gt => RelOp::Lt,
            RelOp::Ge => RelOp::Le,
            other => other,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A decimal literal as written, digits and at most one point ("12", "0.50").
    Num(String),
    Const(Const),
    Var(String),
    Neg(Box<Node>),
    Add(Vec<Node>),
    Mul(Vec<Node>),
    Div(Box<Node>, Box<Node>),
    Pow(Box<Node>, Box<Node>),
    Func(FuncName, Box<Node>),
    /// `\sqrt[index]{radicand}`; plain `\sqrt` has index 2.
    Root(Box<Node>, Box<Node>),
    /// `\log_{base}(arg)`.
    Log(Box<Node>, Box<Node>),
    Factorial(Box<Node>),
    DoubleFactorial(Box<Node>),
    Binom(Box<Node>, Box<Node>),
    Percent(Box<Node>),
    Degrees(Box<Node>),
    /// `a \pm b`: both `a + b` and `a - b`.
    PlusMinus(Box<Node>, Box<Node>),
    /// `(a, b, ...)`, ordered; a pair may also be read as an open interval.
    Tuple(Vec<Node>),
    Interval {
        lo: Box<Node>,
        hi: Box<Node>,
        lo_closed: bool,
        hi_closed: bool,
    },
    /// `\{a, b\}`, unordered.
    Set(Vec<Node>),
    /// A bare top-level `a, b` list: several answers, unordered.
    List(Vec<Node>),
    Union(Vec<Node>),
    Intersection(Vec<Node>),
    /// `A \setminus B`.
    Difference(Box<Node>, Box<Node>),
    Matrix(Vec<Vec<Node>>),
    /// `a < b <= c`: operands and the operators between them.
    Relation(Vec<Node>, Vec<RelOp>),
    /// Words, normalised (lower case, single spaces).
    Text(String),
    /// A multiple-choice letter, upper case.
    Choice(char),
}

impl Node {
    /// Does any node of the tree satisfy `pred`?
    pub fn any(&self, pred: &dyn Fn(&Node) -> bool) -> bool {
        if pred(self) {
            return true;
        }
        self.children().iter().any(|c| c.any(pred))
    }

    pub fn children(&self) -> Vec<&Node> {
        match self {
            Node::Num(_) | Node::Const(_) | Node::Var(_) | Node::Text(_) | Node::Choice(_) => {
                vec![]
            }
            Node::Neg(a)
            | Node::Func(_, a)
            | Node::Factorial(a)
            | Node::DoubleFactorial(a)
            | Node::Percent(a)
            | Node::Degrees(a) => vec![a],
            Node::Div(a, b)
            | Node::Pow(a, b)
            | Node::Root(a, b)
            | Node::Log(a, b)
            | Node::Binom(a, b)
            | Node::PlusMinus(a, b)
            | Node::Difference(a, b) => vec![a, b],
            Node::Interval { lo, hi, .. } => vec![lo, hi],
            Node::Add(v)
            | Node::Mul(v)
            | Node::Tuple(v)
            | Node::Set(v)
            | Node::List(v)
            | Node::Union(v)
            | Node::Intersection(v)
            | Node::Relation(v, _) => v.iter().collect(),
            Node::Matrix(rows) => rows.iter().flatten().collect(),
        }
    }

    pub fn is_infinity(&self) -> Option<bool> {
        match self {
            Node::Const(Const::Infinity) => Some(true),
            Node::Neg(inner) => inner.is_infinity().map(|positive| !positive),
            _ => None,
        }
    }

    /// Is this a scalar expression (something that evaluates to one number)?
    pub fn is_scalar(&self) -> bool {
        !matches!(
            self,
            Node::Tuple(_)
                | Node::Interval { .. }
                | Node::Set(_)
                | Node::List(_)
                | Node::Union(_)
                | Node::Intersection(_)
                | Node::Difference(..)
                | Node::Matrix(_)
                | Node::Relation(..)
                | Node::Text(_)
                | Node::Choice(_)
                | Node::PlusMinus(..)
        )
    }
}

fn join(f: &mut fmt::Formatter<'_>, items: &[Node], sep: &str) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

/// A compact, fully parenthesised rendering used in `Verdict` for debugging.
impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Num(s) => f.write_str(s),
            Node::Const(Const::Pi) => f.write_str("pi"),
            Node::Const(Const::E) => f.write_str("e"),
            Node::Const(Const::I) => f.write_str("i"),
            Node::Const(Const::Infinity) => f.write_str("oo"),
            Node::Var(v) => f.write_str(v),
            Node::Neg(a) => write!(f, "-({a})"),
            Node::Add(v) => {
                f.write_str("(")?;
                join(f, v, " + ")?;
                f.write_str(")")
            }
            Node::Mul(v) => {
                f.write_str("(")?;
                join(f, v, "*")?;
                f.write_str(")")
            }
            Node::Div(a, b) => write!(f, "({a})/({b})"),
            Node::Pow(a, b) => write!(f, "({a})^({b})"),
            Node::Func(name, a) => write!(f, "{}({a})", name.name()),
            Node::Root(idx, a) => write!(f, "root[{idx}]({a})"),
            Node::Log(base, a) => write!(f, "log[{base}]({a})"),
            Node::Factorial(a) => write!(f, "({a})!"),
            Node::DoubleFactorial(a) => write!(f, "({a})!!"),
            Node::Binom(n, k) => write!(f, "binom({n}, {k})"),
            Node::Percent(a) => write!(f, "({a})%"),
            Node::Degrees(a) => write!(f, "({a})deg"),
            Node::PlusMinus(a, b) => write!(f, "({a} +- {b})"),
            Node::Tuple(v) => {
                f.write_str("tuple(")?;
                join(f, v, ", ")?;
                f.write_str(")")
            }
            Node::Interval {
                lo,
                hi,
                lo_closed,
                hi_closed,
            } => write!(
                f,
                "{}{lo}, {hi}{}",
                if *lo_closed { "[" } else { "(" },
                if *hi_closed { "]" } else { ")" }
            ),
            Node::Set(v) => {
                f.write_str("{")?;
                join(f, v, ", ")?;
                f.write_str("}")
            }
            Node::List(v) => join(f, v, ", "),
            Node::Union(v) => join(f, v, " U "),
            Node::Intersection(v) => join(f, v, " & "),
            Node::Difference(a, b) => write!(f, "{a} \\ {b}"),
            Node::Matrix(rows) => {
                f.write_str("matrix[")?;
                for (i, row) in rows.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    join(f, row, ", ")?;
                }
                f.write_str("]")
            }
            Node::Relation(operands, ops) => {
                for (i, operand) in operands.iter().enumerate() {
                    if i > 0 {
                        write!(f, " {} ", ops[i - 1].symbol().trim())?;
                    }
                    write!(f, "{operand}")?;
                }
                Ok(())
            }
            Node::Text(t) => write!(f, "text({t:?})"),
            Node::Choice(c) => write!(f, "choice({c})"),
        }
    }
}
