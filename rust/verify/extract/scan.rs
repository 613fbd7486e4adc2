//! Byte searches shared by the extraction steps, tested a block at a time so that the compiler
//! turns them into SIMD. Apart so each step's file holds only its own rules.

/// Bytes tested per block, without branches, before looking inside a block that has a hit: the
/// compiler turns the block test into SIMD, which makes the scans several times faster.
const BLOCK: usize = 16;

/// Index of the first byte for which `hit` holds.
pub(super) fn find_byte(b: &[u8], hit: impl Fn(u8) -> bool) -> Option<usize> {
    // Hits are often close: try the first block byte by byte before switching to whole blocks.
    let head = b.len().min(BLOCK);
    if let Some(i) = b[..head].iter().position(|&c| hit(c)) {
        return Some(i);
    }
    let mut start = head;
    for block in b[head..].chunks_exact(BLOCK) {
        if block.iter().fold(false, |any, &c| any | hit(c)) {
            break;
        }
        start += BLOCK;
    }
    b[start..].iter().position(|&c| hit(c)).map(|i| start + i)
}

/// Index of the last byte for which `hit` holds.
pub(super) fn rfind_byte(b: &[u8], hit: impl Fn(u8) -> bool) -> Option<usize> {
    let mut end = b.len();
    for block in b.rchunks_exact(BLOCK) {
        if block.iter().fold(false, |any, &c| any | hit(c)) {
            break;
        }
        end -= BLOCK;
    }
    b[..end].iter().rposition(|&c| hit(c))
}
