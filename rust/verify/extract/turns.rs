//! The end of the model's turn: a response decoded without stopping at the chat template's end
//! token runs on into a new turn (`<|im_end|>`, `<|im_start|>user ...`, a new question with its
//! own numbers). Only the text before that marker is the model's answer.

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
];

/// `text` up to the first turn marker that follows some of the model's own text. A marker with
/// only white space before it (such as a leading `<|im_start|>` header a caller left in) is
/// stepped over.
pub(super) fn before_next_turn(text: &str) -> &str {
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
