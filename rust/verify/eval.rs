//! Evaluate a scalar `Node` to a `Num` (exact where possible, a ball otherwise), with values
//! for its free variables.

use std::collections::BTreeSet;
use std::fmt;

use super::ast::{Const, Node};
use super::num::{Budget, Num, NumError};

/// How the two context-dependent notations are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// `50\%` as 0.5 (true) or as 50 (false).
    pub percent_as_fraction: bool,
    /// `30^\circ` as pi/6 (true) or as 30 (false). Inside a trig function it is always radians.
    pub degrees_as_radians: bool,
}

impl Reading {
    pub const PLAIN: Reading = Reading {
        percent_as_fraction: true,
        degrees_as_radians: false,
    };
}

#[derive(Debug, Clone, PartialEq)]
pub enum EvalError {
    Num(NumError),
    FreeVariable(String),
    NotANumber(&'static str),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Num(e) => write!(f, "{e}"),
            EvalError::FreeVariable(v) => write!(f, "free variable {v}"),
            EvalError::NotANumber(what) => write!(f, "{what} is not a number"),
        }
    }
}

impl From<NumError> for EvalError {
    fn from(e: NumError) -> Self {
        EvalError::Num(e)
    }
}

/// Values of the free variables.
pub type Env<'a> = &'a [(String, Num)];

fn degrees_to_radians(x: Num, budget: &mut Budget) -> Result<Num, EvalError> {
    Ok(x.mul(&Num::pi(), budget)?.div(&Num::int(180), budget)?)
}

pub fn eval(
    node: &Node,
    env: Env<'_>,
    reading: Reading,
    budget: &mut Budget,
) -> Result<Num, EvalError> {
    budget.spend(1)?;
    let ev = |n: &Node, b: &mut Budget| eval(n, env, reading, b);
    Ok(match node {
        Node::Num(digits) => {
            Num::parse_decimal(digits, budget)?.ok_or(EvalError::NotANumber("malformed number"))?
        }
        Node::Const(Const::Pi) => Num::pi(),
        Node::Const(Const::E) => Num::e(),
        Node::Const(Const::I) => Num::i(),
        Node::Const(Const::Infinity) => return Err(EvalError::NotANumber("infinity")),
        Node::Var(name) => match env.iter().find(|(v, _)| v == name) {
            Some((_, value)) => value.clone(),
            None => return Err(EvalError::FreeVariable(name.clone())),
        },
        Node::Neg(a) => ev(a, budget)?.neg(),
        Node::Add(terms) => {
            let mut acc = ev(&terms[0], budget)?;
            for t in &terms[1..] {
                acc = acc.add(&ev(t, budget)?, budget)?;
            }
            acc
        }
        Node::Mul(factors) => {
            let mut acc = ev(&factors[0], budget)?;
            for f in &factors[1..] {
                acc = acc.mul(&ev(f, budget)?, budget)?;
            }
            acc
        }
        Node::Div(a, b) => ev(a, budget)?.div(&ev(b, budget)?, budget)?,
        Node::Pow(a, b) => ev(a, budget)?.pow(&ev(b, budget)?, budget)?,
        Node::Func(name, arg) => {
            let x = match (&**arg, name.is_trig()) {
                (Node::Degrees(inner), true) => degrees_to_radians(ev(inner, budget)?, budget)?,
                _ => ev(arg, budget)?,
            };
            x.apply(*name, budget)?
        }
        Node::Root(index, radicand) => {
            let x = ev(radicand, budget)?;
            match &**index {
                Node::Num(two) if two == "2" => x.sqrt(budget)?,
                idx => x.nth_root(&ev(idx, budget)?, budget)?,
            }
        }
        Node::Log(base, arg) => ev(arg, budget)?.log_base(&ev(base, budget)?, budget)?,
        Node::Factorial(a) => ev(a, budget)?.factorial(budget)?,
        Node::DoubleFactorial(a) => ev(a, budget)?.double_factorial(budget)?,
        Node::Binom(n, k) => Num::binomial(&ev(n, budget)?, &ev(k, budget)?, budget)?,
        Node::Percent(a) => {
            let x = ev(a, budget)?;
            if reading.percent_as_fraction {
                x.div(&Num::int(100), budget)?
            } else {
                x
            }
        }
        Node::Degrees(a) => {
            let x = ev(a, budget)?;
            if reading.degrees_as_radians {
                degrees_to_radians(x, budget)?
            } else {
                x
            }
        }
        Node::PlusMinus(..) => return Err(EvalError::NotANumber("a +- expression")),
        Node::Text(_) => return Err(EvalError::NotANumber("text")),
        Node::Choice(_) => return Err(EvalError::NotANumber("a choice letter")),
        Node::Tuple(_)
        | Node::Interval { .. }
        | Node::Set(_)
        | Node::List(_)
        | Node::Union(_)
        | Node::Intersection(_)
        | Node::Difference(..)
        | Node::Matrix(_)
        | Node::Relation(..) => return Err(EvalError::NotANumber("a collection or relation")),
    })
}

/// Names of the free variables of a tree, sorted.
pub fn free_variables(node: &Node) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    collect_variables(node, &mut out);
    out
}

fn collect_variables(node: &Node, out: &mut BTreeSet<String>) {
    if let Node::Var(v) = node {
        out.insert(v.clone());
    }
    for child in node.children() {
        collect_variables(child, out);
    }
}
