//! The lexer's fixed word lists and symbol tables: which commands are dropped or unwrapped,
//! greek letters, unit words, relation commands, and the unicode forms rewritten as LaTeX.

use crate::verify::ast::RelOp;

/// Commands that only change spacing or size: dropped.
pub(super) const SKIPPED: &[&str] = &[
    "left",
    "right",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "biggl",
    "biggr",
    "Biggl",
    "Biggr",
    "displaystyle",
    "textstyle",
    "scriptstyle",
    "limits",
    "nolimits",
    "quad",
    "qquad",
    "hfill",
    "middle",
    "dots",
    "ldots",
    "cdots",
    "vdots",
    "ddots",
    "mathop",
    "boxed",
    "fbox",
    "underline",
    "color",
    "rm",
    "it",
    "bf",
];

/// Commands whose braced argument is kept as plain text (`\text{ cm}` -> " cm ").
pub(super) const TEXT_WRAPPERS: &[&str] = &[
    "text",
    "textbf",
    "textit",
    "textrm",
    "textnormal",
    "textsf",
    "texttt",
    "mathrm",
    "mathbf",
    "mathit",
    "mathsf",
    "mathtt",
    "mathbb",
    "mathcal",
    "mbox",
    "hbox",
    "operatorname",
    "emph",
    "boldsymbol",
    "bm",
    "mathnormal",
];

/// Commands whose braced argument is dropped entirely.
pub(super) const DROPPED_WITH_ARG: &[&str] =
    &["hspace", "vspace", "phantom", "label", "tag", "textcolor"];

pub(super) const GREEK: &[&str] = &[
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "vartheta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "rho",
    "sigma",
    "tau",
    "upsilon",
    "phi",
    "varphi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Xi",
    "Sigma",
    "Phi",
    "Psi",
    "Omega",
];

/// Short letter runs that are words, not products of variables.
pub(super) const SHORT_WORDS: &[&str] = &[
    "cm", "mm", "km", "kg", "mg", "ml", "hr", "hrs", "min", "sec", "ft", "yd", "lb", "lbs", "oz",
    "mph", "kph", "yes", "no", "and", "or", "odd", "all", "not", "nor", "dne", "none", "cents",
    "day", "yr", "gal", "am", "pm", "deg", "rad", "sq", "cu", "mi", "ms",
];

pub(super) fn relation_for(cmd: &str) -> Option<RelOp> {
    Some(match cmd {
        "le" | "leq" | "leqslant" | "leqq" => RelOp::Le,
        "ge" | "geq" | "geqslant" | "geqq" => RelOp::Ge,
        "lt" => RelOp::Lt,
        "gt" => RelOp::Gt,
        "ne" | "neq" => RelOp::Ne,
        "in" => RelOp::In,
        "equiv" | "cong" => RelOp::Eq,
        "approx" | "simeq" | "thickapprox" => RelOp::Approx,
        _ => return None,
    })
}

pub(super) fn unicode_replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2212}' | '\u{2013}' | '\u{2014}' => "-",
        '\u{00d7}' | '\u{22c5}' | '\u{00b7}' | '\u{2219}' => "*",
        '\u{00f7}' => "/",
        '\u{221a}' => "\\sqrt",
        '\u{03c0}' => "\\pi",
        '\u{221e}' => "\\infty",
        '\u{2264}' | '\u{2a7d}' => "\\le",
        '\u{2265}' | '\u{2a7e}' => "\\ge",
        '\u{2260}' => "\\ne",
        '\u{2248}' => "\\approx",
        '\u{222a}' => "\\cup",
        '\u{2208}' => "\\in",
        '\u{00b1}' => "\\pm",
        '\u{2213}' => "\\mp",
        '\u{00bd}' => "(1/2)",
        '\u{2153}' => "(1/3)",
        '\u{2154}' => "(2/3)",
        '\u{00bc}' => "(1/4)",
        '\u{00be}' => "(3/4)",
        '\u{2205}' => "\\emptyset",
        '\u{03b8}' => "\\theta",
        '\u{03b1}' => "\\alpha",
        '\u{03b2}' => "\\beta",
        '\u{2032}' => "'",
        '\u{ff08}' => "(",
        '\u{ff09}' => ")",
        '\u{ff0c}' => ",",
        _ => return None,
    })
}

pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '~' || c == '\u{2009}' || c == '\u{202f}' || c == '\u{00a0}'
}

fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '\u{2070}' => '0',
        '\u{00b9}' => '1',
        '\u{00b2}' => '2',
        '\u{00b3}' => '3',
        '\u{2074}'..='\u{2079}' => char::from(b'4' + (c as u32 - 0x2074) as u8),
        '\u{207b}' => '-',
        _ => return None,
    })
}

/// Rewrite the unicode forms that need context: runs of superscript digits (`10⁻¹²` ->
/// `10^{-12}`), full-width digits and letters, and the cube root sign.
pub(super) fn normalize_unicode(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(d) = superscript_digit(c) {
            out.push_str("^{");
            out.push(d);
            while let Some(d) = chars.peek().copied().and_then(superscript_digit) {
                out.push(d);
                chars.next();
            }
            out.push('}');
        } else if ('\u{ff10}'..='\u{ff5a}').contains(&c) {
            out.push(char::from_u32(c as u32 - 0xff10 + 0x30).unwrap_or(c));
        } else if c == '\u{221b}' {
            out.push_str("\\sqrt[3]");
        } else if c == '\u{221c}' {
            out.push_str("\\sqrt[4]");
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
