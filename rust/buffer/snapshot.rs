//! The checkpoint format of the buffer (`snapshot_with` / `restore_with`): a versioned,
//! checksummed byte layout, kept apart from the lock-free structure it serialises.

use super::{Config, Entry, HardQuestionBuffer, Order, Stats};
use crate::error::{Error, Result};

// magic "RLFTHQB" | version u8 | total length u64 | order u8 | dedup u8 | has capacity u8 |
// capacity u64 | pushed, taken, dropped, rejected, count: u64 each | count entries of
// (question_id i64, step i64, has payload u8, [length u64, bytes]) | crc32 (IEEE) of all before.
// All integers little endian. Entries pushed as columns are stored as entries without payload:
// the array path left the format (version 1) unchanged, in both directions.

const MAGIC: &[u8; 7] = b"RLFTHQB";
const VERSION: u8 = 1;
const HEADER_LEN: usize = 7 + 1 + 8 + 3 + 8 + 5 * 8;

impl<P: Clone + Default + Send + Sync> HardQuestionBuffer<P> {
    /// Serialise config, counters and entries (see [`Self::restore_with`]); `data` turns an
    /// entry's data into the bytes to store (or `None`). Entries pushed as columns have no data:
    /// they are stored without payload, exactly like an entry whose `data` gives `None`.
    pub fn snapshot_with(&self, mut data: impl FnMut(&P) -> Option<Vec<u8>>) -> Vec<u8> {
        self.read(|root| {
            let count = root.items.len();
            let mut w = Vec::with_capacity(HEADER_LEN + 32 * count + 4);
            w.extend_from_slice(MAGIC);
            w.push(VERSION);
            w.extend_from_slice(&0u64.to_le_bytes()); // total length, patched below
            w.push(match self.config.order {
                Order::NewestFirst => 0,
                Order::Fifo => 1,
            });
            w.push(self.config.dedup as u8);
            w.push(self.config.capacity.is_some() as u8);
            w.extend_from_slice(&(self.config.capacity.unwrap_or(0) as u64).to_le_bytes());
            let s = root.stats;
            for x in [s.pushed, s.taken, s.dropped, s.rejected, count as u64] {
                w.extend_from_slice(&x.to_le_bytes());
            }
            debug_assert_eq!(w.len(), HEADER_LEN);
            for run in root.items.runs_oldest_first() {
                let v = run.view();
                for i in 0..v.len() {
                    w.extend_from_slice(&v.id(i).to_le_bytes());
                    w.extend_from_slice(&v.step(i).to_le_bytes());
                    match v.data(i).and_then(&mut data) {
                        None => w.push(0),
                        Some(bytes) => {
                            w.push(1);
                            w.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
                            w.extend_from_slice(&bytes);
                        }
                    }
                }
            }
            let total = (w.len() + 4) as u64;
            w[MAGIC.len() + 1..MAGIC.len() + 9].copy_from_slice(&total.to_le_bytes());
            let crc = crc32(&w);
            w.extend_from_slice(&crc.to_le_bytes());
            w
        })
    }

    /// Rebuild a buffer from [`Self::snapshot_with`] output; `data(question_id, step, bytes)`
    /// makes an entry's data. A truncated, corrupt or inconsistent snapshot is an error that
    /// says what is wrong.
    pub fn restore_with(
        bytes: &[u8],
        mut data: impl FnMut(i64, i64, Option<&[u8]>) -> Result<P>,
    ) -> Result<Self> {
        let (config, stats, raw) = parse_snapshot(bytes)?;
        let entries = raw
            .into_iter()
            .map(|(question_id, step, payload)| {
                Ok(Entry {
                    question_id,
                    step,
                    data: data(question_id, step, payload)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Self::from_parts(config, entries, stats).map_err(|e| bad_snapshot(&e.to_string()))
    }
}

fn bad_snapshot(why: &str) -> Error {
    Error::InvalidInput(format!("invalid HardQuestionBuffer snapshot: {why}"))
}

type RawEntry<'a> = (i64, i64, Option<&'a [u8]>);

fn parse_snapshot(bytes: &[u8]) -> Result<(Config, Stats, Vec<RawEntry<'_>>)> {
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(bad_snapshot("not a snapshot (wrong magic bytes)"));
    }
    if bytes.len() < HEADER_LEN + 4 {
        return Err(bad_snapshot(&format!(
            "truncated: {} bytes, shorter than the header",
            bytes.len()
        )));
    }
    if bytes[MAGIC.len()] != VERSION {
        return Err(bad_snapshot(&format!(
            "unsupported version {} (this relift reads version {VERSION})",
            bytes[MAGIC.len()]
        )));
    }
    let mut r = Reader {
        bytes,
        pos: MAGIC.len() + 1,
    };
    let total = r.u64()?;
    if (bytes.len() as u64) < total {
        return Err(bad_snapshot(&format!(
            "truncated: {} of {total} bytes",
            bytes.len()
        )));
    }
    if (bytes.len() as u64) > total {
        return Err(bad_snapshot(&format!(
            "{} trailing bytes after the end",
            bytes.len() as u64 - total
        )));
    }
    let body = &bytes[..bytes.len() - 4];
    let stored = u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().expect("4 bytes"));
    if crc32(body) != stored {
        return Err(bad_snapshot("corrupt (checksum mismatch)"));
    }
    let mut r = Reader {
        bytes: body,
        pos: r.pos,
    };
    let order = match r.u8()? {
        0 => Order::NewestFirst,
        1 => Order::Fifo,
        x => return Err(bad_snapshot(&format!("unknown order code {x}"))),
    };
    let dedup = match r.u8()? {
        0 => false,
        1 => true,
        x => return Err(bad_snapshot(&format!("bad dedup flag {x}"))),
    };
    let has_capacity = r.u8()?;
    let capacity = r.u64()?;
    let capacity = match has_capacity {
        0 => None,
        1 => Some(usize::try_from(capacity).map_err(|_| bad_snapshot("capacity too large"))?),
        x => return Err(bad_snapshot(&format!("bad capacity flag {x}"))),
    };
    let stats = Stats {
        pushed: r.u64()?,
        taken: r.u64()?,
        dropped: r.u64()?,
        rejected: r.u64()?,
    };
    let count = r.u64()?;
    // Each entry takes at least 17 bytes: bound the allocation by what is actually there.
    if count > (body.len() - r.pos) as u64 / 17 {
        return Err(bad_snapshot(&format!(
            "claims {count} entries, more than its length allows"
        )));
    }
    let mut entries = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let question_id = r.u64()? as i64;
        let step = r.u64()? as i64;
        let payload = match r.u8()? {
            0 => None,
            1 => {
                let len = r.u64()?;
                let len = usize::try_from(len).map_err(|_| bad_snapshot("payload too large"))?;
                Some(r.take(len)?)
            }
            x => return Err(bad_snapshot(&format!("bad payload flag {x}"))),
        };
        entries.push((question_id, step, payload));
    }
    if r.pos != body.len() {
        return Err(bad_snapshot("entries end before the checksum"));
    }
    Ok((
        Config {
            capacity,
            order,
            dedup,
        },
        stats,
        entries,
    ))
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| bad_snapshot("an entry runs past the end"))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// CRC-32 (IEEE 802.3, as zlib's `crc32`).
pub fn crc32(data: &[u8]) -> u32 {
    let mut c = !0u32;
    for &b in data {
        c = CRC_TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    !c
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::buffer::tests::{buf, e, Buf};

    fn restore(bytes: &[u8]) -> Result<Buf> {
        Buf::restore_with(bytes, |_, _, p| Ok(p.map(|p| p.to_vec())))
    }

    #[test]
    fn snapshot_round_trip() {
        for (capacity, order, dedup) in [
            (None, Order::NewestFirst, false),
            (Some(3), Order::Fifo, true),
            (Some(9), Order::NewestFirst, true),
        ] {
            let b = buf(capacity, order, dedup);
            b.push_many(vec![e(1), e(2), e(2), e(3), e(4)]);
            b.push(Entry {
                question_id: -7,
                step: i64::MIN,
                data: None,
            });
            b.take(1);
            let snap = b.snapshot_with(|d| d.clone());
            let r = restore(&snap).unwrap();
            assert_eq!(r.config(), b.config());
            assert_eq!(r.stats(), b.stats());
            assert_eq!(r.entries(), b.entries());
            assert_eq!(r.snapshot_with(|d| d.clone()), snap);
        }
    }

    #[test]
    fn corrupt_snapshots_are_rejected_with_reasons() {
        let b = buf(Some(5), Order::Fifo, false);
        b.push_many(vec![e(1), e(2)]);
        let snap = b.snapshot_with(|d| d.clone());
        let err = |bytes: &[u8]| restore(bytes).err().expect("must fail").to_string();
        assert!(err(b"hello").contains("magic"));
        assert!(err(&snap[..snap.len() - 1]).contains("truncated"));
        assert!(err(&snap[..20]).contains("truncated"));
        let mut long = snap.clone();
        long.push(0);
        assert!(err(&long).contains("trailing"));
        for i in [HEADER_LEN - 1, HEADER_LEN + 3, snap.len() - 6] {
            let mut bad = snap.clone();
            bad[i] ^= 0x40;
            assert!(err(&bad).contains("checksum"), "byte {i}");
        }
        let mut v2 = snap.clone();
        v2[MAGIC.len()] = 2;
        assert!(err(&v2).contains("version"));
        // A consistent checksum over inconsistent content: counters that do not add up.
        let mut bad = snap.clone();
        bad[HEADER_LEN - 40] = 9; // pushed = 9
        let n = bad.len();
        let crc = crc32(&bad[..n - 4]);
        bad[n - 4..].copy_from_slice(&crc.to_le_bytes());
        assert!(err(&bad).contains("do not add up"));
    }

    #[test]
    fn crc_matches_zlib() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
