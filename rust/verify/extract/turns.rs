//! The end of the model's turn: a response decoded without stopping at the chat template's end
//! token runs on into a new turn (`<|im_end|>`, `<|im_start|>user ...`, a new question with its
//! own numbers). Only the text before that marker is the model's answer. A base model prompted
//! with worked examples runs on the same way without any special token: after its answer it
//! writes the next example (`Problem:`, `Question:` at the start of a line).

use super::scan::find_byte;

/// End-of-turn and start-of-turn markers of the common chat templates (ChatML, Llama 3, Phi,
/// Mistral / Llama 2, GPT-style, DeepSeek).
const TURN_MARKERS: &[&str] = &[
    "<|im_end|>",
    "<|im_start|>",
    "<|eot_id|>",
    "<|start_header_id|>",
    "<|end_of_text|>",
    "<|endoftext|>",
    "<|end|>",
    "<|user|>",
    "<|assistant|>",
    "</s>",
    "<\u{ff5c}end\u{2581}of\u{2581}sentence\u{ff5c}>",
    "<\u{ff5c}User\u{ff5c}>",
    "<end_of_turn>",
    "<start_of_turn>",
];

/// Line starts that open the next worked example of a few-shot prompt; also numbered
/// (`Problem 2.`, `Question 5:`), see [`opens_next_example`].
const NEXT_EXAMPLE_MARKERS: &[&str] = &["Problem:", "Question:", "Q:", "Human:", "User:"];

/// Words that open a numbered example: `Problem 2.`, `Question 5:`, `Exercise 3)`.
const NUMBERED_EXAMPLES: &[&str] = &["Problem ", "Question ", "Exercise ", "Example "];

/// Whether the line `line` opens the next worked example.
fn opens_next_example(line: &str) -> bool {
    NEXT_EXAMPLE_MARKERS.iter().any(|m| line.starts_with(m))
        || NUMBERED_EXAMPLES.iter().any(|word| {
            line.strip_prefix(word).is_some_and(|rest| {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0 && matches!(rest.as_bytes().get(digits), Some(b'.' | b':' | b')'))
            })
        })
}

/// A `User:` or `Human:` line that an `Assistant:` line (the last one starts at
/// `last_assistant`) answers later: a new turn of a dialogue, whether or not an answer sign came
/// before it.
fn opens_dialogue_turn(text: &str, line: usize, last_assistant: Option<usize>) -> bool {
    let rest = &text[line..];
    (rest.starts_with("User:") || rest.starts_with("Human:"))
        && last_assistant.is_some_and(|at| at > line)
}

/// Line starts that open a new turn in the plain-text templates (Alpaca, Vicuna): unlike a bare
/// `Human:`, which a restated problem may contain, these end the model's text wherever they come.
const PLAIN_TURN_MARKERS: &[&str] = &["### Human:", "### User:", "### Instruction:"];

/// What a finished answer leaves in the text before the next example starts.
const ANSWER_SIGNS: &[&str] = &["\\boxed", "####", "answer", "Answer", "ANSWER"];

/// `text` up to the first turn marker (see [`before_turn_marker`]), then up to the first line
/// that opens a new worked example after an answer was given.
pub(super) fn before_next_turn(text: &str) -> &str {
    let text = before_turn_marker(text);
    // One pass over the line starts; the answer signs are searched for once, at the first line
    // that opens an example (most responses have none, and skip the search).
    let bytes = text.as_bytes();
    let mut first_sign: Option<usize> = None;
    let mut last_assistant: Option<Option<usize>> = None;
    let mut from = 0;
    while let Some(offset) = find_byte(&bytes[from..], |c| c == b'\n') {
        let line = from + offset + 1;
        from = line;
        if bytes.get(line) == Some(&b'#')
            && PLAIN_TURN_MARKERS
                .iter()
                .any(|m| text[line..].starts_with(m))
            && !text[..line].trim().is_empty()
        {
            return &text[..line - 1];
        }
        let may_open = matches!(bytes.get(line), Some(b'P' | b'Q' | b'H' | b'U' | b'E'));
        if !may_open || !opens_next_example(&text[line..]) {
            continue;
        }
        let assistant = *last_assistant.get_or_insert_with(|| text.rfind("\nAssistant:"));
        if opens_dialogue_turn(text, line, assistant) && !text[..line].trim().is_empty() {
            return &text[..line - 1];
        }
        let sign = *first_sign.get_or_insert_with(|| {
            let signs = ANSWER_SIGNS.iter().filter_map(|sign| text.find(sign));
            signs.min().unwrap_or(usize::MAX)
        });
        if sign < line {
            return &text[..line - 1];
        }
    }
    text
}

/// `text` up to the first turn marker that follows some of the model's own text. A marker with
/// only white space before it (such as a leading `<|im_start|>` header a caller left in) is
/// stepped over.
fn before_turn_marker(text: &str) -> &str {
    let bytes = text.as_bytes();
    let (mut from, mut turn_start) = (0, 0);
    while let Some(offset) = find_byte(&bytes[from..], |c| c == b'<') {
        let at = from + offset;
        let Some(marker) = TURN_MARKERS.iter().find(|m| text[at..].starts_with(**m)) else {
            from = at + 1;
            continue;
        };
        if !text[turn_start..at].trim().is_empty() {
            return &text[..at];
        }
        from = at + marker.len();
        turn_start = from;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_ends_at_the_next_turn() {
        let chatml =
            "So the answer is \\boxed{12}.<|im_end|>\n<|im_start|>user\nNow 5+5? \\boxed{10}";
        assert_eq!(before_next_turn(chatml), "So the answer is \\boxed{12}.");
        let llama = "Answer: 7<|eot_id|><|start_header_id|>user<|end_header_id|> 9";
        assert_eq!(before_next_turn(llama), "Answer: 7");
        let deepseek = "x = 4<\u{ff5c}end\u{2581}of\u{2581}sentence\u{ff5c}>then 8";
        assert_eq!(before_next_turn(deepseek), "x = 4");
        assert_eq!(before_next_turn("4 < 5 so </sub> 6"), "4 < 5 so </sub> 6");
        assert_eq!(
            before_next_turn("no markers, \\boxed{3}"),
            "no markers, \\boxed{3}"
        );
    }

    #[test]
    fn a_few_shot_run_on_ends_at_the_next_example() {
        let minerva = "so $13$.\nFinal Answer: The final answer is $13$. I hope it is correct.\n\n\
                       Problem:\nSolve $2y = 12$.\n\nSolution:\n$y = \\boxed{6}$.";
        assert!(before_next_turn(minerva).ends_with("I hope it is correct.\n"));
        let gsm8k = "7 * 3 = 21.\n#### 21\n\nQuestion: What is 2 + 2?\nAnswer: 4";
        assert_eq!(before_next_turn(gsm8k), "7 * 3 = 21.\n#### 21\n");
        // A restated problem before any answer is the model's own text.
        let restated = "Problem: find x.\nQuestion: what is asked?\nWe get \\boxed{2}.";
        assert_eq!(before_next_turn(restated), restated);
    }

    #[test]
    fn numbered_examples_and_dialogue_turns() {
        let numbered = "Answer: 6\n\nProblem 2. Find 3!.\nAnswer: 6";
        assert_eq!(before_next_turn(numbered), "Answer: 6\n");
        let question = "the answer is (B).\n\nQuestion 5: Which is prime?\nAnswer: (C)";
        assert_eq!(before_next_turn(question), "the answer is (B).\n");
        let dialogue = "So the median is 11.\n\nUser: and the mean?\nAssistant: 12.4";
        assert_eq!(before_next_turn(dialogue), "So the median is 11.\n");
        // A line that only starts like one is kept.
        let prose = "x = 2\nProblem 2 is harder: 7";
        assert_eq!(before_next_turn(prose), prose);
    }

    #[test]
    fn a_plain_text_turn_ends_the_answer() {
        let vicuna = "The GCD is 8.\n\n### Human: What about the LCM?\n### Assistant: It is 96.";
        assert_eq!(before_next_turn(vicuna), "The GCD is 8.\n");
        let alpaca = "x = 3\n### Instruction: solve 2x = 8";
        assert_eq!(before_next_turn(alpaca), "x = 3");
        // A markdown heading is not a turn.
        assert_eq!(
            before_next_turn("so 4\n### Humans\n5"),
            "so 4\n### Humans\n5"
        );
    }

    #[test]
    fn a_leading_header_is_stepped_over() {
        let text = "<|im_start|>assistant\nThe answer is 5<|im_end|><|im_start|>user 6";
        assert_eq!(
            before_next_turn(text),
            "<|im_start|>assistant\nThe answer is 5"
        );
        assert_eq!(before_next_turn("  </s>  <|im_end|>"), "  </s>  <|im_end|>");
        assert_eq!(
            before_next_turn("</s>The answer is 2</s>"),
            "</s>The answer is 2"
        );
    }
}
