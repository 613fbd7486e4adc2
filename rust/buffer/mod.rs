//! The lock-free hard-question buffer: questions that RL cannot learn from (all n rollouts wrong)
//! wait here until the trainer takes a batch of them for an SFT step.
//!
//! # Semantics (the sequential specification; `relift.reference` has it as a Python twin)
//! The buffer holds entries `(question_id, step, data)` in push order.
//! * `push(e)`: with `dedup`, an entry whose `question_id` is currently held is *rejected*
//!   (returns false, counted in `rejected`); a question that was taken may be pushed again.
//!   With a `capacity` and a full buffer, the *oldest* held entry is *dropped* (evicted, counted in
//!   `dropped`) to make room: under `NewestFirst` it is the entry that would wait longest, under
//!   `Fifo` the stalest one. Then `e` becomes the newest entry (counted in `pushed`).
//! * `push_many(es)`: exactly `push` applied to each entry in order, but as one atomic step.
//! * `push_columns(ids, steps)`: exactly `push_many` of the entries `(ids[i], steps[i], D)`, `D`
//!   being `P::default()` (for the Python binding: no payload). It is the array path: the batch
//!   stays two columns in one allocation, never one object per entry.
//! * `take(n)`: all or nothing. With fewer than n entries held, nothing changes and it returns
//!   `None`; otherwise it removes and returns the n newest (`NewestFirst`, newest first: the ReLIFT
//!   reference, whose leftovers wait) or the n oldest (`Fifo`, oldest first).
//! * `take_columns(n)`: exactly `take(n)`, but it returns only the entries' ids and steps, as
//!   two columns; the entries' data is dropped.
//! * Invariant: `len == pushed - taken - dropped`.
//!
//! # Algorithm: one atomic root, immutable state, compare-and-swap
//! The whole state lives in an immutable `Root`: the entries and the statistics. The entries
//! form a persistent double-ended queue of *runs*, a run being one entry pushed alone, a range
//! of a batch pushed together (one shared `Arc<[Entry]>`) or a range of a column batch
//! ([`Columns`]: the ids, then the steps unless one step is shared, in one shared `Arc<[i64]>`;
//! its entries have no data of their own): two immutable, reference-counted
//! singly linked lists of runs, `front` (older runs, oldest first) and `back` (newer runs, newest
//! first); the sequence is `front ++ reverse(back)`. The buffer is a single
//! `crossbeam_epoch::Atomic<Root>`. Every mutating operation
//! 1. loads the current root,
//! 2. computes the next root from it without modifying anything shared (nodes and batches are
//!    never mutated; the new root shares every unchanged node with the old one through `Arc`),
//! 3. installs it with one compare-and-swap, and on failure (another operation got in first)
//!    goes back to 1 with the root that won. A batch is built once, before the loop; an attempt
//!    only allocates list nodes and a root.
//!
//! * **Linearizable**: an operation takes effect at its successful CAS; an operation that changes
//!   nothing (a `take` with too few entries, the reads `len`/`stats`/`entries`/`snapshot`) at its
//!   load of the root. Because one root carries contents *and* counters, all-or-nothing
//!   `take(n)`, the duplicate check, capacity eviction and the statistics are atomic together
//!   with no further coordination: this is why the hard parts (take of n, dedup, capacity) are
//!   easy here. The price is that all operations contend on one word; for a buffer that the
//!   trainer touches a few times per step that is the right trade.
//! * **Lock-free**, not wait-free: there is no mutex anywhere; a CAS fails only because another
//!   operation's CAS succeeded, so some operation always completes. A thread that keeps losing
//!   retries (a brief CAS loop); each attempt does a bounded amount of work.
//! * **No ABA**: a CAS compares root addresses, and a root cannot be freed and its address reused
//!   while a thread that loaded it is still pinned (next point).
//!
//! # Memory reclamation
//! Two layers. (a) A replaced root is retired with `Guard::defer_destroy`: crossbeam-epoch frees
//! it only after every thread that was pinned when it was unlinked has unpinned, so a thread
//! reading a root it loaded never sees it freed. (b) List nodes and batches are reference counted
//! (`Arc`): dropping a retired root releases its two list heads, and a node (or batch) is freed
//! when no root, live or retired-but-not-yet-freed, reaches it. Nodes are immutable, so sharing
//! them needs no further synchronisation; long lists are dropped iteratively, not recursively.
//! Entries a `take` returns are clones (for the Python binding, a new reference to the same tuple
//! object), so nothing is handed out that another thread can still read. When only part of a
//! batch stays held and it would keep alive more than twice its size, the part is copied, so taken
//! or dropped entries (and their payloads) are not retained. Retired roots may keep entries alive
//! until the epoch advances (a few operations later).
//!
//! # Costs
//! `push`: two allocations (node, root), O(1). `push_many` of k entries: one batch, then O(1) per
//! attempt. With `dedup`, or when capacity evicts, pushes take the general path: O(len + k) (the
//! held ids are collected into a hash set). `take(n)`: O(n) plus O(runs) when it has to cross
//! from one list to the other (whole runs are relinked, not copied). `push_columns` of k entries:
//! one allocation of k (or 2k) integers, then as `push_many`; `take_columns(n)` copies n ids and
//! steps into two vectors. Measured without Python, `push_many(128)` + `take(128)` costs about
//! 4 to 6 ns per entry (building the batch included), `push_columns(128)` + `take_columns(128)`
//! about 3 ns, a single `push` + `take` about 100 ns (allocations and frees dominate).
//!
//! # Layout
//! This file holds the public types and the CAS loop; `deque` the persistent queue of runs,
//! `snapshot` the checkpoint format, `tests` the unit and stress tests.

mod deque;
mod snapshot;
#[cfg(all(test, not(loom)))]
mod tests;

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use crossbeam_epoch::{self as epoch, Atomic, Owned};

use self::deque::{Deque, Discard, IdsSteps, Run, Sink};
pub use self::snapshot::crc32;
use crate::error::{Error, Result};

/// Which entries `take` returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// The newest entries first (the ReLIFT reference); older entries wait.
    NewestFirst,
    /// The oldest entries first (fair: nothing starves).
    Fifo,
}

impl Order {
    pub fn as_str(self) -> &'static str {
        match self {
            Order::NewestFirst => "newest_first",
            Order::Fifo => "fifo",
        }
    }

    pub fn parse(name: &str) -> Result<Order> {
        match name {
            "newest_first" => Ok(Order::NewestFirst),
            "fifo" => Ok(Order::Fifo),
            _ => Err(Error::InvalidInput(format!(
                "order={name:?} is not valid: expected 'newest_first' or 'fifo'"
            ))),
        }
    }
}

/// The fixed settings of a buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// At most this many entries are held (>= 1); `None` is unbounded.
    pub capacity: Option<usize>,
    pub order: Order,
    /// Reject a push whose question_id is currently held.
    pub dedup: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            capacity: None,
            order: Order::NewestFirst,
            dedup: false,
        }
    }
}

impl Config {
    fn validate(&self) -> Result<()> {
        if self.capacity == Some(0) {
            return Err(Error::InvalidInput(
                "capacity must be >= 1 (or None for unbounded)".into(),
            ));
        }
        Ok(())
    }
}

/// One hardest question: its id, the training step that found it, and caller data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<P> {
    pub question_id: i64,
    pub step: i64,
    pub data: P,
}

/// Counters since the buffer was created (restored with a snapshot).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Entries accepted by push (including those later dropped).
    pub pushed: u64,
    /// Entries removed by take.
    pub taken: u64,
    /// Entries evicted because the buffer was full.
    pub dropped: u64,
    /// Pushes rejected as duplicates (dedup).
    pub rejected: u64,
}

/// A batch of entries given as columns (`push_columns`): question ids and steps, without data.
/// One allocation holds the ids, followed by the steps unless all entries share one step.
#[derive(Clone, Debug)]
pub struct Columns {
    values: Arc<[i64]>,
    /// `Some(step)`: every entry has this step, and `values` holds only the ids.
    same_step: Option<i64>,
}

/// The steps of a column batch: one for all entries, or one per entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Steps<'a> {
    Same(i64),
    Each(&'a [i64]),
}

impl<'a> Steps<'a> {
    fn get(self, i: usize) -> i64 {
        match self {
            Steps::Same(step) => step,
            Steps::Each(steps) => steps[i],
        }
    }

    fn slice(self, lo: usize, hi: usize) -> Steps<'a> {
        match self {
            Steps::Same(step) => Steps::Same(step),
            Steps::Each(steps) => Steps::Each(&steps[lo..hi]),
        }
    }
}

impl Columns {
    /// A batch of `question_ids.len()` entries (copied into one allocation); `Steps::Each` must
    /// give one step per id.
    pub fn new(question_ids: &[i64], steps: Steps<'_>) -> Result<Columns> {
        match steps {
            Steps::Same(step) => Ok(Columns {
                values: question_ids.into(),
                same_step: Some(step),
            }),
            Steps::Each(steps) if steps.len() == question_ids.len() => Ok(Columns {
                // An exact-size iterator: collected straight into one allocation.
                values: question_ids.iter().chain(steps).copied().collect(),
                same_step: None,
            }),
            Steps::Each(steps) => Err(Error::InvalidInput(format!(
                "{} question_ids but {} steps: pass one step per question_id, or one int for all",
                question_ids.len(),
                steps.len()
            ))),
        }
    }

    pub fn len(&self) -> usize {
        match self.same_step {
            Some(_) => self.values.len(),
            None => self.values.len() / 2,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub fn question_ids(&self) -> &[i64] {
        &self.values[..self.len()]
    }

    pub fn steps(&self) -> Steps<'_> {
        match self.same_step {
            Some(step) => Steps::Same(step),
            None => Steps::Each(&self.values[self.len()..]),
        }
    }

    /// The entries at `offset + i` for each `i` of `idx`, in that order, as a batch of their own.
    fn gather(&self, idx: &[usize], offset: usize) -> Columns {
        fn pick<'a>(
            col: &'a [i64],
            idx: &'a [usize],
            offset: usize,
        ) -> impl Iterator<Item = i64> + 'a {
            idx.iter().map(move |&i| col[offset + i])
        }
        let ids = self.question_ids();
        match self.steps() {
            Steps::Same(step) => Columns {
                values: pick(ids, idx, offset).collect(),
                same_step: Some(step),
            },
            Steps::Each(steps) => Columns {
                values: pick(ids, idx, offset)
                    .chain(pick(steps, idx, offset))
                    .collect(),
                same_step: None,
            },
        }
    }
}

/// The immutable state behind the atomic root pointer.
struct Root<P> {
    items: Deque<P>,
    stats: Stats,
}

/// The lock-free hard-question buffer (see the module doc). `P` is caller data carried with each
/// entry (the Python binding stores the entry's tuple object); it is cloned by `take`, by
/// `entries` and when a list is rebuilt, so make it cheap to clone (e.g. `Arc<[u8]>`). Entries
/// pushed as columns have no data: `take` and `entries` give them `P::default()`.
pub struct HardQuestionBuffer<P> {
    config: Config,
    root: Atomic<Root<P>>,
}

impl<P> Drop for HardQuestionBuffer<P> {
    fn drop(&mut self) {
        let root = std::mem::replace(&mut self.root, Atomic::null());
        // SAFETY: `&mut self` means no other thread can reach the root any more, and the root is
        // never null before this point.
        drop(unsafe { root.into_owned() });
    }
}

impl<P: Clone + Default + Send + Sync> HardQuestionBuffer<P> {
    /// An empty buffer.
    pub fn new(config: Config) -> Result<Self> {
        Self::from_parts(config, Vec::new(), Stats::default())
    }

    /// A buffer holding `entries` (oldest first) with the given counters, e.g. from a checkpoint.
    pub fn from_parts(config: Config, entries: Vec<Entry<P>>, stats: Stats) -> Result<Self> {
        config.validate()?;
        let n = entries.len() as u64;
        if let Some(cap) = config.capacity {
            if entries.len() > cap {
                return Err(Error::InvalidInput(format!(
                    "{n} entries exceed capacity {cap}"
                )));
            }
        }
        if stats
            .pushed
            .checked_sub(stats.taken)
            .and_then(|x| x.checked_sub(stats.dropped))
            != Some(n)
        {
            return Err(Error::InvalidInput(format!(
                "counters do not add up: pushed {} - taken {} - dropped {} != {n} entries",
                stats.pushed, stats.taken, stats.dropped
            )));
        }
        if config.dedup {
            let mut seen = HashSet::with_capacity(entries.len());
            if let Some(e) = entries.iter().find(|e| !seen.insert(e.question_id)) {
                return Err(Error::InvalidInput(format!(
                    "question_id {} is held twice in a dedup buffer",
                    e.question_id
                )));
            }
        }
        let mut items = Deque::empty();
        if !entries.is_empty() {
            items = items.push_run(Run::whole(entries.into()));
        }
        Ok(HardQuestionBuffer {
            config,
            root: Atomic::new(Root { items, stats }),
        })
    }

    pub fn config(&self) -> Config {
        self.config
    }

    /// Apply `f` to a consistent view of the current state.
    fn read<R>(&self, f: impl FnOnce(&Root<P>) -> R) -> R {
        let guard = epoch::pin();
        let root = self.root.load(Ordering::Acquire, &guard);
        // SAFETY: the root is never null while `self` lives, and `guard` keeps it from being
        // freed (roots are destroyed only through `defer_destroy` after being replaced).
        f(unsafe { root.deref() })
    }

    /// The CAS loop: `f` maps the current root to `(Some(next root) | None, result)`; `None`
    /// means "no change" and returns at once.
    fn update<R>(&self, mut f: impl FnMut(&Root<P>) -> (Option<Root<P>>, R)) -> R {
        let guard = epoch::pin();
        let mut current = self.root.load(Ordering::Acquire, &guard);
        loop {
            // SAFETY: as in `read`.
            let (next, result) = f(unsafe { current.deref() });
            let Some(next) = next else { return result };
            match self.root.compare_exchange(
                current,
                Owned::new(next),
                Ordering::AcqRel,
                Ordering::Acquire,
                &guard,
            ) {
                Ok(_) => {
                    // SAFETY: `current` is unlinked now; threads that still read it are pinned,
                    // and the epoch scheme frees it only after they unpin.
                    unsafe { guard.defer_destroy(current) };
                    return result;
                }
                // Another operation won; `f`'s work (the new root, cloned entries) is dropped.
                Err(lost) => current = lost.current,
            }
        }
    }

    /// Number of entries held.
    pub fn len(&self) -> usize {
        self.read(|r| r.items.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn stats(&self) -> Stats {
        self.read(|r| r.stats)
    }

    /// A consistent copy of the held entries, in the order `take` would return them.
    pub fn entries(&self) -> Vec<Entry<P>> {
        self.read(|r| {
            let mut all: Vec<Entry<P>> = Vec::with_capacity(r.items.len());
            for run in r.items.runs_oldest_first() {
                all.put(run.view(), false);
            }
            if self.config.order == Order::NewestFirst {
                all.reverse();
            }
            all
        })
    }

    /// Push one entry; false if it was rejected as a duplicate.
    pub fn push(&self, entry: Entry<P>) -> bool {
        let config = self.config;
        let single = Run::One(entry);
        self.update(|root| {
            if config.dedup || config.capacity.is_some_and(|cap| root.items.len() >= cap) {
                let (items, stats, accepted) = push_each(&root.items, root.stats, &single, config);
                return (Some(Root { items, stats }), accepted == 1);
            }
            // The common case: one node holding the entry, O(1).
            let mut stats = root.stats;
            stats.pushed += 1;
            let items = root.items.push_run(single.clone());
            (Some(Root { items, stats }), true)
        })
    }

    /// Push every entry in order as one atomic step, exactly as `push` on each in turn; returns
    /// how many were accepted.
    pub fn push_many(&self, entries: Vec<Entry<P>>) -> usize {
        if entries.is_empty() {
            return 0;
        }
        self.push_batch(Run::whole(entries.into()))
    }

    /// `push_many` of entries given as columns, with `P::default()` as every entry's data: the
    /// batch is stored as it is (one allocation, however many entries), never entry by entry.
    pub fn push_columns(&self, columns: Columns) -> usize {
        if columns.is_empty() {
            return 0;
        }
        self.push_batch(Run::whole_cols(columns))
    }

    /// `push_many` of a batch built once, outside the CAS loop: each attempt only links a node.
    fn push_batch(&self, batch: Run<P>) -> usize {
        let config = self.config;
        let k = batch.len();
        self.update(|root| {
            let fits = config
                .capacity
                .is_none_or(|cap| root.items.len() + k <= cap);
            if fits && !config.dedup {
                // The common case: the whole batch becomes one run, O(1).
                let mut stats = root.stats;
                stats.pushed += k as u64;
                return (
                    Some(Root {
                        items: root.items.push_run(batch.clone()),
                        stats,
                    }),
                    k,
                );
            }
            let (items, stats, accepted) = push_each(&root.items, root.stats, &batch, config);
            (Some(Root { items, stats }), accepted)
        })
    }

    /// Remove and return `n` entries (the n newest, newest first, or the n oldest, oldest first,
    /// by `order`), or `None` and change nothing when fewer than `n` are held. Entries pushed
    /// as columns come out with `P::default()` as their data.
    pub fn take(&self, n: usize) -> Option<Vec<Entry<P>>> {
        self.take_into(n, || Vec::with_capacity(n))
    }

    /// `take`, returning only the question ids and the steps of the entries (their data is
    /// dropped): `(question_ids, steps)`, in `take`'s order.
    pub fn take_columns(&self, n: usize) -> Option<(Vec<i64>, Vec<i64>)> {
        let out = self.take_into(n, || IdsSteps {
            ids: Vec::with_capacity(n),
            steps: Vec::with_capacity(n),
        })?;
        Some((out.ids, out.steps))
    }

    /// `take` into a fresh sink per attempt.
    fn take_into<S: Sink<P>>(&self, n: usize, mut sink: impl FnMut() -> S) -> Option<S> {
        if n == 0 {
            return Some(sink());
        }
        let order = self.config.order;
        self.update(|root| {
            if root.items.len() < n {
                return (None, None);
            }
            let mut out = sink();
            let items = match order {
                Order::NewestFirst => root.items.pop_newest(n, &mut out),
                Order::Fifo => root.items.pop_oldest(n, &mut out),
            };
            let mut stats = root.stats;
            stats.taken += n as u64;
            (Some(Root { items, stats }), Some(out))
        })
    }
}

/// `push` applied to each entry of `batch` in turn (with dedup and/or capacity eviction):
/// returns the new entries, counters and the number accepted.
fn push_each<P: Clone>(
    items: &Deque<P>,
    mut stats: Stats,
    batch: &Run<P>,
    config: Config,
) -> (Deque<P>, Stats, usize) {
    // The held entries oldest first: the old ones (`old_len - evicted` of them, the ids in `old`
    // when deduplicating) then the accepted batch entries still held (`pending[head..]`,
    // indices into `batch`). Eviction takes from the front.
    let old: Vec<i64> = if config.dedup {
        items
            .runs_oldest_first()
            .flat_map(|run| run.view().ids())
            .collect()
    } else {
        Vec::new()
    };
    let old_len = items.len();
    let mut evicted = 0;
    let mut pending: Vec<usize> = Vec::new();
    let mut head = 0;
    let mut held: HashSet<i64> = old.iter().copied().collect();
    let mut accepted = 0;
    let b = batch.view();
    for i in 0..b.len() {
        let id = b.id(i);
        if config.dedup && held.contains(&id) {
            stats.rejected += 1;
            continue;
        }
        if config
            .capacity
            .is_some_and(|cap| old_len - evicted + pending.len() - head >= cap)
        {
            // Ids are unique among held entries under dedup, so removing by id is exact.
            if evicted < old_len {
                if config.dedup {
                    held.remove(&old[evicted]);
                }
                evicted += 1;
            } else {
                debug_assert!(head < pending.len(), "capacity >= 1 holds something");
                if config.dedup {
                    held.remove(&b.id(pending[head]));
                }
                head += 1;
            }
            stats.dropped += 1;
        }
        if config.dedup {
            held.insert(id);
        }
        pending.push(i);
        stats.pushed += 1;
        accepted += 1;
    }
    let mut items = if evicted > 0 {
        items.pop_oldest(evicted, &mut Discard)
    } else {
        items.clone()
    };
    let pending = &pending[head..];
    if let (Some(&first), Some(&last)) = (pending.first(), pending.last()) {
        let run = if last + 1 - first == pending.len() {
            // Contiguous: shared with the batch, unless that keeps twice as much alive.
            batch.sub(first, last + 1)
        } else {
            // Copied, so the rejected or dropped entries of the batch are not kept alive.
            batch.gather(pending)
        };
        items = items.push_run(run);
    }
    (items, stats, accepted)
}
