//! The unit an answer names, so that `30 radians` does not pass for `30^\circ` nor `5 m` for
//! `5 cm`: the parser drops units (`5\text{ cm}` is 5), and two answers with the same number and
//! different units would otherwise be equal. Also the plain-text unit after a number
//! (`9.8 m/s²`), which the parser would read as a product of variables.
//!
//! A unit counts when it is a word of a `\text{}`-like argument (single letters included:
//! `\text{ m}`), a word of two letters or more elsewhere ("30 radians"; but not "in", which is
//! a preposition as often), or a degree sign (`^\circ`, `°`). Aliases share one name (`cm`,
//! "centimeters").

/// Every alias of a unit, and the name they share.
const UNITS: &[(&[&str], &str)] = &[
    (
        &[
            "mm",
            "millimeter",
            "millimeters",
            "millimetre",
            "millimetres",
        ],
        "mm",
    ),
    (
        &[
            "cm",
            "centimeter",
            "centimeters",
            "centimetre",
            "centimetres",
        ],
        "cm",
    ),
    (&["m", "meter", "meters", "metre", "metres"], "m"),
    (
        &["km", "kilometer", "kilometers", "kilometre", "kilometres"],
        "km",
    ),
    (&["inch", "inches"], "in"),
    (&["ft", "foot", "feet"], "ft"),
    (&["yd", "yard", "yards"], "yd"),
    (&["mi", "mile", "miles"], "mi"),
    (&["mg", "milligram", "milligrams"], "mg"),
    (&["g", "gram", "grams"], "g"),
    (&["kg", "kilogram", "kilograms"], "kg"),
    (&["lb", "lbs", "pound", "pounds"], "lb"),
    (&["oz", "ounce", "ounces"], "oz"),
    (&["ms", "millisecond", "milliseconds"], "ms"),
    (&["s", "sec", "secs", "second", "seconds"], "s"),
    (&["min", "mins", "minute", "minutes"], "min"),
    (&["h", "hr", "hrs", "hour", "hours"], "h"),
    (&["day", "days"], "day"),
    (&["week", "weeks"], "week"),
    (&["yr", "yrs", "year", "years"], "year"),
    (&["deg", "degree", "degrees"], "degree"),
    (&["rad", "radian", "radians"], "radian"),
    (
        &[
            "ml",
            "mL",
            "milliliter",
            "milliliters",
            "millilitre",
            "millilitres",
        ],
        "ml",
    ),
    (&["L", "l", "liter", "liters", "litre", "litres"], "l"),
    (&["gal", "gallon", "gallons"], "gal"),
];

/// Commands whose argument is text, where units are written.
const TEXT_COMMANDS: &[&str] = &[
    "\\text{",
    "\\mathrm{",
    "\\textrm{",
    "\\mbox{",
    "\\textnormal{",
];

fn unit_named(word: &str) -> Option<&'static str> {
    UNITS
        .iter()
        .find(|(aliases, _)| aliases.contains(&word))
        .map(|(_, name)| *name)
}

/// The first unit `answer` names, by its shared name; `None` when it names none.
pub(super) fn unit_of(answer: &str) -> Option<&'static str> {
    if answer.contains("\\circ") || answer.contains('°') || answer.contains("\\degree") {
        return Some("degree");
    }
    // The text outside the `\text{}`-like arguments, where units need two letters or more.
    let mut prose = Vec::new();
    let mut rest = answer;
    while let Some((at, command)) = TEXT_COMMANDS
        .iter()
        .filter_map(|c| rest.find(c).map(|at| (at, c)))
        .min()
    {
        prose.push(&rest[..at]);
        let inside = &rest[at + command.len()..];
        let end = inside.find('}').unwrap_or(inside.len());
        if let Some(unit) = words(&inside[..end]).find_map(unit_named) {
            return Some(unit);
        }
        rest = &inside[(end + 1).min(inside.len())..];
    }
    prose.push(rest);
    prose
        .into_iter()
        .flat_map(words)
        .filter(|w| w.len() >= 2)
        .find_map(unit_named)
}

/// The runs of ASCII letters of `text` that are not command names (`\frac`).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            let start = i;
            if b[i].is_ascii_alphabetic() {
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                if start == 0 || b[start - 1] != b'\\' {
                    return Some(&text[start..i]);
                }
            } else {
                i += 1;
            }
        }
        None
    })
}

/// The unit a text names, and whether it writes `\pi` (see [`units_clash`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NamedUnit {
    unit: Option<&'static str>,
    with_pi: bool,
}

impl NamedUnit {
    /// Whether the text names a unit at all.
    pub(super) fn names_one(&self) -> bool {
        self.unit.is_some()
    }

    pub(super) fn of(text: &str) -> NamedUnit {
        NamedUnit {
            unit: unit_of(text),
            with_pi: text.contains("\\pi"),
        }
    }
}

/// Whether two answers name different units. A radian measure with `\pi` in it against degrees
/// is a conversion, which the comparison has already checked, not a clash.
pub(super) fn units_clash(ours: NamedUnit, theirs: NamedUnit) -> bool {
    match (ours.unit, theirs.unit) {
        (Some(a), Some(b)) if a != b => {
            let angles = [a, b].contains(&"radian") && [a, b].contains(&"degree");
            !(angles && (ours.with_pi || theirs.with_pi))
        }
        _ => false,
    }
}

/// The number of `<number> <unit>` written in plain text (`9.8 m/s²`, `12 cm^2`), when every
/// word after the number is a unit; `None` otherwise.
pub(super) fn number_before_plain_unit(answer: &str) -> Option<&str> {
    let answer = answer.trim();
    let (number, unit) = answer.split_once(' ')?;
    let numeric = number.bytes().any(|c| c.is_ascii_digit())
        && number
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b'-'));
    let unit_only = unit
        .chars()
        .all(|c| c.is_ascii_alphabetic() || c.is_ascii_digit() || "/^{}·*- ²³".contains(c))
        && words(unit).next().is_some()
        && words(unit).all(|w| unit_named(w).is_some());
    (numeric && unit_only).then_some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_named() {
        assert_eq!(unit_of("30^\\circ"), Some("degree"));
        assert_eq!(unit_of("30 \\text{ radians}"), Some("radian"));
        assert_eq!(unit_of("5\\text{ m}"), Some("m"));
        assert_eq!(unit_of("5 \\mathrm{cm}^2"), Some("cm"));
        assert_eq!(unit_of("12 centimeters"), Some("cm"));
        assert_eq!(unit_of("3.5 \\text{ hours}"), Some("h"));
        // No unit: letters that are variables, commands, or a lone preposition.
        assert_eq!(unit_of("5m"), None);
        assert_eq!(unit_of("\\frac{\\sin x}{2}"), None);
        assert_eq!(unit_of("x \\in S"), None);
        assert_eq!(unit_of("3 \\text{ or } 4"), None);
    }

    #[test]
    fn clashes() {
        let clash = |a: &str, b: &str| units_clash(NamedUnit::of(a), NamedUnit::of(b));
        assert!(clash("30 \\text{ radians}", "30^\\circ"));
        assert!(clash("5\\text{ m}", "5\\text{ cm}"));
        assert!(!clash("5 centimeters", "5\\text{ cm}"));
        assert!(!clash("5", "5\\text{ cm}"));
        assert!(!clash("\\frac{\\pi}{6} \\text{ radians}", "30^\\circ"));
        assert!(!clash("30 degrees", "30^\\circ"));
        assert!(!clash("3 in", "3 \\text{ inches}"));
    }

    #[test]
    fn plain_units_after_a_number() {
        assert_eq!(number_before_plain_unit("9.8 m/s²"), Some("9.8"));
        assert_eq!(number_before_plain_unit("12 cm^2"), Some("12"));
        assert_eq!(number_before_plain_unit("3 apples"), None);
        assert_eq!(number_before_plain_unit("x m/s"), None);
        assert_eq!(number_before_plain_unit("12"), None);
    }
}
