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

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use crossbeam_epoch::{self as epoch, Atomic, Owned};

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

/// A run of consecutive entries, oldest first: a single entry (pushed alone), `chunk[lo..hi]` of
/// a batch pushed together, or entries `lo..hi` of a column batch (entries without data). Runs
/// are never empty.
enum Run<P> {
    One(Entry<P>),
    Slice {
        chunk: Arc<[Entry<P>]>,
        lo: usize,
        hi: usize,
    },
    Cols {
        cols: Columns,
        lo: usize,
        hi: usize,
    },
}

impl<P: Clone> Clone for Run<P> {
    fn clone(&self) -> Self {
        match self {
            Run::One(e) => Run::One(e.clone()),
            Run::Slice { chunk, lo, hi } => Run::Slice {
                chunk: chunk.clone(),
                lo: *lo,
                hi: *hi,
            },
            Run::Cols { cols, lo, hi } => Run::Cols {
                cols: cols.clone(),
                lo: *lo,
                hi: *hi,
            },
        }
    }
}

/// A borrowed view of consecutive entries, oldest first.
enum View<'a, P> {
    Entries(&'a [Entry<P>]),
    /// Question ids and steps of entries without data.
    Cols(&'a [i64], Steps<'a>),
}

impl<P> Clone for View<'_, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P> Copy for View<'_, P> {}

impl<'a, P> View<'a, P> {
    fn len(self) -> usize {
        match self {
            View::Entries(es) => es.len(),
            View::Cols(ids, _) => ids.len(),
        }
    }

    fn slice(self, lo: usize, hi: usize) -> Self {
        match self {
            View::Entries(es) => View::Entries(&es[lo..hi]),
            View::Cols(ids, steps) => View::Cols(&ids[lo..hi], steps.slice(lo, hi)),
        }
    }

    fn ids(self) -> impl Iterator<Item = i64> + 'a {
        (0..self.len()).map(move |i| self.id(i))
    }

    fn id(self, i: usize) -> i64 {
        match self {
            View::Entries(es) => es[i].question_id,
            View::Cols(ids, _) => ids[i],
        }
    }

    fn step(self, i: usize) -> i64 {
        match self {
            View::Entries(es) => es[i].step,
            View::Cols(_, steps) => steps.get(i),
        }
    }

    /// The entry's data; `None` for an entry pushed as columns.
    fn data(self, i: usize) -> Option<&'a P> {
        match self {
            View::Entries(es) => Some(&es[i].data),
            View::Cols(..) => None,
        }
    }
}

impl<P: Clone> Run<P> {
    fn whole(chunk: Arc<[Entry<P>]>) -> Self {
        let hi = chunk.len();
        Run::Slice { chunk, lo: 0, hi }
    }

    fn whole_cols(cols: Columns) -> Self {
        let hi = cols.len();
        Run::Cols { cols, lo: 0, hi }
    }

    fn view(&self) -> View<'_, P> {
        match self {
            Run::One(e) => View::Entries(std::slice::from_ref(e)),
            Run::Slice { chunk, lo, hi } => View::Entries(&chunk[*lo..*hi]),
            Run::Cols { cols, lo, hi } => {
                View::Cols(&cols.question_ids()[*lo..*hi], cols.steps().slice(*lo, *hi))
            }
        }
    }

    fn len(&self) -> usize {
        match self {
            Run::One(_) => 1,
            Run::Slice { lo, hi, .. } | Run::Cols { lo, hi, .. } => hi - lo,
        }
    }

    /// Entries `lo..hi` (relative to this run) as a run. They share the batch unless they would
    /// keep alive a batch more than twice their size: then they are copied, so that entries that
    /// were taken or dropped are not retained (each copy at least halves a batch: amortised O(1)).
    fn sub(&self, lo: usize, hi: usize) -> Run<P> {
        debug_assert!(lo < hi && hi <= self.len());
        match self {
            Run::One(_) => self.clone(), // a single entry is only ever taken whole
            Run::Slice {
                chunk, lo: base, ..
            } => {
                let (lo, hi) = (base + lo, base + hi);
                if (hi - lo) * 2 < chunk.len() {
                    Run::whole(chunk[lo..hi].to_vec().into())
                } else {
                    Run::Slice {
                        chunk: chunk.clone(),
                        lo,
                        hi,
                    }
                }
            }
            Run::Cols { cols, lo: base, .. } => {
                let (lo, hi) = (base + lo, base + hi);
                if (hi - lo) * 2 < cols.len() {
                    let ids = &cols.question_ids()[lo..hi];
                    let copy = Columns::new(ids, cols.steps().slice(lo, hi));
                    Run::whole_cols(copy.expect("one step per id"))
                } else {
                    Run::Cols {
                        cols: cols.clone(),
                        lo,
                        hi,
                    }
                }
            }
        }
    }

    /// The entries at the (relative, increasing) indices `idx`, copied into a run of their own.
    fn gather(&self, idx: &[usize]) -> Run<P> {
        match self {
            Run::One(_) => self.clone(),
            Run::Slice { chunk, lo, .. } => {
                Run::whole(idx.iter().map(|&i| chunk[lo + i].clone()).collect())
            }
            Run::Cols { cols, lo, .. } => Run::whole_cols(cols.gather(idx, *lo)),
        }
    }
}

/// Where entries read out of the deque go (`take`, `take_columns`, `entries`, eviction).
trait Sink<P> {
    /// Append the entries of `view`, oldest first, or newest first when `rev`.
    fn put(&mut self, view: View<'_, P>, rev: bool);
}

/// Keeps nothing (entries evicted by capacity).
struct Discard;

impl<P> Sink<P> for Discard {
    fn put(&mut self, _: View<'_, P>, _: bool) {}
}

/// Whole entries; an entry pushed as columns gets `P::default()` as its data.
impl<P: Clone + Default> Sink<P> for Vec<Entry<P>> {
    fn put(&mut self, view: View<'_, P>, rev: bool) {
        match view {
            View::Entries(es) if rev => self.extend(es.iter().rev().cloned()),
            View::Entries(es) => self.extend_from_slice(es),
            View::Cols(ids, steps) => {
                let entry = |i: usize| Entry {
                    question_id: ids[i],
                    step: steps.get(i),
                    data: P::default(),
                };
                if rev {
                    self.extend((0..ids.len()).rev().map(entry));
                } else {
                    self.extend((0..ids.len()).map(entry));
                }
            }
        }
    }
}

/// Question ids and steps only (`take_columns`): the entries' data is left behind.
struct IdsSteps {
    ids: Vec<i64>,
    steps: Vec<i64>,
}

impl<P> Sink<P> for IdsSteps {
    fn put(&mut self, view: View<'_, P>, rev: bool) {
        match view {
            View::Entries(es) => {
                let mut put = |e: &Entry<P>| {
                    self.ids.push(e.question_id);
                    self.steps.push(e.step);
                };
                if rev {
                    es.iter().rev().for_each(&mut put);
                } else {
                    es.iter().for_each(&mut put);
                }
            }
            View::Cols(ids, steps) => {
                if rev {
                    self.ids.extend(ids.iter().rev());
                } else {
                    self.ids.extend_from_slice(ids);
                }
                match steps {
                    Steps::Same(step) => self.steps.resize(self.steps.len() + ids.len(), step),
                    Steps::Each(steps) if rev => self.steps.extend(steps.iter().rev()),
                    Steps::Each(steps) => self.steps.extend_from_slice(steps),
                }
            }
        }
    }
}

type List<P> = Option<Arc<Node<P>>>;

/// An immutable list node; `len` counts the entries of this node's run and of all after it.
struct Node<P> {
    run: Run<P>,
    len: usize,
    next: List<P>,
}

impl<P> Drop for Node<P> {
    /// Free a chain of uniquely owned nodes iteratively (the default would recurse per node).
    fn drop(&mut self) {
        let mut next = self.next.take();
        while let Some(node) = next {
            match Arc::into_inner(node) {
                Some(mut node) => next = node.next.take(),
                None => break,
            }
        }
    }
}

fn list_len<P>(list: &List<P>) -> usize {
    list.as_ref().map_or(0, |n| n.len)
}

fn cons<P: Clone>(run: Run<P>, next: List<P>) -> List<P> {
    let len = run.len() + list_len(&next);
    Some(Arc::new(Node { run, len, next }))
}

fn runs<P>(list: &List<P>) -> impl Iterator<Item = &Run<P>> {
    let mut cur = list.as_deref();
    std::iter::from_fn(move || {
        let node = cur?;
        cur = node.next.as_deref();
        Some(&node.run)
    })
}

/// Build a list whose head is `runs[0]`.
fn list_from<P: Clone>(runs: Vec<Run<P>>) -> List<P> {
    runs.into_iter()
        .rev()
        .fold(None, |next, run| cons(run, next))
}

/// A persistent double-ended queue of runs: the entries, oldest to newest, are those of `front`
/// (runs oldest first) followed by those of `back` (runs newest first) in reverse run order.
/// Within a run, entries are always oldest first.
struct Deque<P> {
    front: List<P>,
    back: List<P>,
}

impl<P> Clone for Deque<P> {
    fn clone(&self) -> Self {
        Deque {
            front: self.front.clone(),
            back: self.back.clone(),
        }
    }
}

impl<P: Clone> Deque<P> {
    fn len(&self) -> usize {
        list_len(&self.front) + list_len(&self.back)
    }

    /// The runs, oldest first.
    fn runs_oldest_first(&self) -> impl Iterator<Item = &Run<P>> {
        let mut back: Vec<&Run<P>> = runs(&self.back).collect();
        back.reverse();
        runs(&self.front).chain(back)
    }

    fn push_run(&self, run: Run<P>) -> Self {
        Deque {
            front: self.front.clone(),
            back: cons(run, self.back.clone()),
        }
    }

    /// The deque without its `k <= len` oldest entries, which go to `out` oldest first.
    fn pop_oldest(&self, k: usize, out: &mut impl Sink<P>) -> Self {
        let mut left = k;
        let mut front = &self.front;
        while left > 0 {
            let Some(node) = front else { break };
            let n = node.run.len();
            if n > left {
                out.put(node.run.view().slice(0, left), false);
                let rest = node.run.sub(left, n);
                return Deque {
                    front: cons(rest, node.next.clone()),
                    back: self.back.clone(),
                };
            }
            out.put(node.run.view(), false);
            left -= n;
            front = &node.next;
        }
        if left == 0 {
            return Deque {
                front: front.clone(),
                back: self.back.clone(),
            };
        }
        // `front` is used up; the rest are the oldest of `back`, i.e. its last runs. What stays
        // becomes the new front (O(runs), entries are not copied).
        let mut oldest: Vec<&Run<P>> = runs(&self.back).collect();
        oldest.reverse();
        let mut keep = Vec::with_capacity(oldest.len());
        for run in oldest {
            let n = run.len();
            if left == 0 {
                keep.push(run.clone());
            } else if n <= left {
                out.put(run.view(), false);
                left -= n;
            } else {
                out.put(run.view().slice(0, left), false);
                keep.push(run.sub(left, n));
                left = 0;
            }
        }
        Deque {
            front: list_from(keep),
            back: None,
        }
    }

    /// The deque without its `k <= len` newest entries, which go to `out` newest first.
    fn pop_newest(&self, k: usize, out: &mut impl Sink<P>) -> Self {
        let mut left = k;
        let mut back = &self.back;
        while left > 0 {
            let Some(node) = back else { break };
            let n = node.run.len();
            if n > left {
                out.put(node.run.view().slice(n - left, n), true);
                let rest = node.run.sub(0, n - left);
                return Deque {
                    front: self.front.clone(),
                    back: cons(rest, node.next.clone()),
                };
            }
            out.put(node.run.view(), true);
            left -= n;
            back = &node.next;
        }
        if left == 0 {
            return Deque {
                front: self.front.clone(),
                back: back.clone(),
            };
        }
        // `back` is used up; the rest are the newest of `front`, i.e. its last runs.
        let front: Vec<&Run<P>> = runs(&self.front).collect();
        let mut end = front.len();
        let mut partial = None;
        while left > 0 {
            end -= 1;
            let run = front[end];
            let n = run.len();
            if n <= left {
                out.put(run.view(), true);
                left -= n;
            } else {
                out.put(run.view().slice(n - left, n), true);
                partial = Some(run.sub(0, n - left));
                left = 0;
            }
        }
        let keep: Vec<Run<P>> = front[..end]
            .iter()
            .map(|r| (*r).clone())
            .chain(partial)
            .collect();
        Deque {
            front: list_from(keep),
            back: None,
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
        let mut items = Deque {
            front: None,
            back: None,
        };
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

// ---- snapshot format --------------------------------------------------------------------------
// magic "RLFTHQB" | version u8 | total length u64 | order u8 | dedup u8 | has capacity u8 |
// capacity u64 | pushed, taken, dropped, rejected, count: u64 each | count entries of
// (question_id i64, step i64, has payload u8, [length u64, bytes]) | crc32 (IEEE) of all before.
// All integers little endian. Entries pushed as columns are stored as entries without payload:
// the array path left the format (version 1) unchanged, in both directions.

const MAGIC: &[u8; 7] = b"RLFTHQB";
const VERSION: u8 = 1;
const HEADER_LEN: usize = 7 + 1 + 8 + 3 + 8 + 5 * 8;

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

    type Buf = HardQuestionBuffer<Option<Vec<u8>>>;

    fn e(q: i64) -> Entry<Option<Vec<u8>>> {
        Entry {
            question_id: q,
            step: q * 10,
            data: Some(q.to_le_bytes().to_vec()),
        }
    }

    fn ids(es: &[Entry<Option<Vec<u8>>>]) -> Vec<i64> {
        es.iter().map(|e| e.question_id).collect()
    }

    fn buf(capacity: Option<usize>, order: Order, dedup: bool) -> Buf {
        HardQuestionBuffer::new(Config {
            capacity,
            order,
            dedup,
        })
        .unwrap()
    }

    #[test]
    fn newest_first_takes_the_newest_and_leftovers_wait() {
        let b = buf(None, Order::NewestFirst, false);
        for q in 0..5 {
            assert!(b.push(e(q)));
        }
        assert_eq!(b.take(6), None);
        assert_eq!(b.len(), 5);
        assert_eq!(ids(&b.take(3).unwrap()), vec![4, 3, 2]);
        b.push(e(9));
        assert_eq!(ids(&b.entries()), vec![9, 1, 0]);
        assert_eq!(ids(&b.take(3).unwrap()), vec![9, 1, 0]);
        assert_eq!(b.take(1), None);
        assert_eq!(b.take(0), Some(vec![]));
        let s = b.stats();
        assert_eq!((s.pushed, s.taken, s.dropped, s.rejected), (6, 6, 0, 0));
    }

    #[test]
    fn fifo_takes_the_oldest() {
        let b = buf(None, Order::Fifo, false);
        b.push_many(vec![e(1), e(2), e(3)]);
        assert_eq!(ids(&b.take(2).unwrap()), vec![1, 2]);
        b.push(e(4));
        assert_eq!(ids(&b.entries()), vec![3, 4]);
        assert_eq!(ids(&b.take(2).unwrap()), vec![3, 4]);
    }

    #[test]
    fn both_lists_are_used_in_both_orders() {
        // Force entries into `front` (FIFO pops reverse `back`), then take across both lists.
        for order in [Order::NewestFirst, Order::Fifo] {
            let b = buf(Some(4), order, false);
            b.push_many(vec![e(1), e(2), e(3), e(4), e(5)]); // evicts 1, moves 2..4 to front
            b.push(e(6)); // evicts 2
            assert_eq!(b.len(), 4);
            let want = match order {
                Order::NewestFirst => vec![6, 5, 4],
                Order::Fifo => vec![3, 4, 5],
            };
            assert_eq!(ids(&b.take(3).unwrap()), want);
            assert_eq!(b.stats().dropped, 2);
        }
    }

    /// Entries held by the runs' chunks (what is kept alive), not just the entries held.
    fn retained(b: &Buf) -> usize {
        b.read(|r| {
            runs(&r.items.front)
                .chain(runs(&r.items.back))
                .map(|run| match run {
                    Run::One(_) => 1,
                    Run::Slice { chunk, .. } => chunk.len(),
                    Run::Cols { cols, .. } => cols.len(),
                })
                .sum()
        })
    }

    #[test]
    fn partial_runs_do_not_retain_taken_entries() {
        for order in [Order::NewestFirst, Order::Fifo] {
            let b = buf(None, order, false);
            b.push_many((0..100).map(e).collect());
            b.take(40);
            assert_eq!(retained(&b), 100, "60 of 100 still share the batch");
            b.take(20);
            assert_eq!(retained(&b), 40, "40 of 100 are copied out");
            b.take(30);
            assert_eq!(retained(&b), 10);
            assert_eq!(b.len(), 10);
        }
        // Capacity and dedup filter a batch: only what is held is kept.
        let c = buf(Some(3), Order::Fifo, true);
        c.push_many((0..50).map(|q| e(q % 10)).collect());
        assert_eq!(c.len(), 3);
        assert_eq!(retained(&c), 3);
    }

    fn cols(ids: &[i64], steps: Steps<'_>) -> Columns {
        Columns::new(ids, steps).unwrap()
    }

    /// The column path and the entry path are the same buffer: the same pushes give the same
    /// entries, in either order, with capacity and dedup, mixed and across runs.
    #[test]
    fn columns_behave_like_entries_without_data() {
        let bare = |q: i64, step: i64| Entry {
            question_id: q,
            step,
            data: None,
        };
        for (capacity, order, dedup) in [
            (None, Order::NewestFirst, false),
            (None, Order::Fifo, false),
            (Some(5), Order::NewestFirst, true),
            (Some(4), Order::Fifo, false),
            (None, Order::Fifo, true),
        ] {
            let a = buf(capacity, order, dedup); // columns
            let b = buf(capacity, order, dedup); // entries
            let batches: [(&[i64], Steps); 4] = [
                (&[1, 2, 3], Steps::Same(7)),
                (&[4, 2, 5, 6], Steps::Each(&[1, 2, 3, 4])),
                (&[], Steps::Same(0)),
                (&[8, 8, 9], Steps::Each(&[-1, i64::MIN, i64::MAX])),
            ];
            for (ids, steps) in batches {
                let entries = ids
                    .iter()
                    .enumerate()
                    .map(|(i, &q)| bare(q, steps.get(i)))
                    .collect();
                assert_eq!(a.push_columns(cols(ids, steps)), b.push_many(entries));
                a.push(e(10 + ids.len() as i64));
                b.push(e(10 + ids.len() as i64));
                assert_eq!(a.entries(), b.entries());
                assert_eq!(a.stats(), b.stats());
            }
            assert_eq!(a.take(2), b.take(2));
            let k = b.len().min(3);
            let want: Vec<Entry<Option<Vec<u8>>>> = b.take(k).unwrap();
            let (ids, steps) = a.take_columns(k).unwrap();
            assert_eq!(ids, want.iter().map(|e| e.question_id).collect::<Vec<_>>());
            assert_eq!(steps, want.iter().map(|e| e.step).collect::<Vec<_>>());
            assert_eq!(a.take_columns(a.len() + 1), None, "all or nothing");
            assert_eq!(a.take_columns(0), Some((vec![], vec![])));
            assert_eq!(a.entries(), b.entries());
            assert_eq!(a.stats(), b.stats());
            let snap = |x: &Buf| x.snapshot_with(|d| d.clone());
            assert_eq!(
                snap(&a),
                snap(&b),
                "columns are stored as entries without payload"
            );
        }
    }

    #[test]
    fn columns_are_one_allocation_and_partial_runs_do_not_retain_them() {
        let ids: Vec<i64> = (0..100).collect();
        let c = cols(&ids, Steps::Same(3));
        assert_eq!(c.values.len(), 100, "a shared step is not repeated");
        let d = cols(&ids, Steps::Each(&ids));
        assert_eq!(
            (d.values.len(), d.len(), d.question_ids(), d.steps()),
            (200, 100, &ids[..], Steps::Each(&ids[..]))
        );
        for order in [Order::NewestFirst, Order::Fifo] {
            let b = buf(None, order, false);
            b.push_columns(c.clone());
            b.take_columns(40);
            assert_eq!(retained(&b), 100, "60 of 100 still share the batch");
            b.take(20);
            assert_eq!(retained(&b), 40, "40 of 100 are copied out");
            assert_eq!(b.len(), 40);
        }
        let f = buf(Some(3), Order::Fifo, true);
        f.push_columns(cols(
            &(0..50).map(|q| q % 10).collect::<Vec<_>>(),
            Steps::Same(0),
        ));
        assert_eq!((f.len(), retained(&f)), (3, 3));
    }

    #[test]
    fn columns_with_mismatched_steps_are_an_error() {
        let err = Columns::new(&[1, 2, 3], Steps::Each(&[1, 2])).unwrap_err();
        assert!(
            err.to_string().contains("3 question_ids but 2 steps"),
            "{err}"
        );
    }

    #[test]
    fn take_columns_of_entries_drops_their_data() {
        let b = buf(None, Order::NewestFirst, false);
        b.push_many(vec![e(1), e(2)]);
        b.push_columns(cols(&[3, 4], Steps::Each(&[30, 40])));
        b.push(e(5));
        assert_eq!(
            b.take_columns(4),
            Some((vec![5, 4, 3, 2], vec![50, 40, 30, 20]))
        );
        assert_eq!(b.take(1).unwrap(), vec![e(1)]);
    }

    #[test]
    fn capacity_drops_the_oldest() {
        let b = buf(Some(2), Order::NewestFirst, false);
        assert_eq!(b.push_many(vec![e(1), e(2), e(3)]), 3);
        assert!(b.push(e(4)));
        assert_eq!(ids(&b.entries()), vec![4, 3]);
        let s = b.stats();
        assert_eq!((s.pushed, s.dropped), (4, 2));
    }

    #[test]
    fn dedup_rejects_held_ids_only() {
        let b = buf(None, Order::NewestFirst, true);
        assert!(b.push(e(1)));
        assert!(!b.push(e(1)));
        assert_eq!(b.push_many(vec![e(2), e(1), e(2), e(3)]), 2);
        assert_eq!(ids(&b.take(3).unwrap()), vec![3, 2, 1]);
        assert!(b.push(e(1)), "a taken question may come back");
        let s = b.stats();
        assert_eq!((s.pushed, s.rejected), (4, 3));
        // With capacity, an evicted id may be pushed again in the same batch.
        let c = buf(Some(1), Order::Fifo, true);
        assert_eq!(c.push_many(vec![e(1), e(2), e(1)]), 3);
        assert_eq!(ids(&c.entries()), vec![1]);
    }

    #[test]
    fn invalid_config() {
        assert!(HardQuestionBuffer::<u8>::new(Config {
            capacity: Some(0),
            ..Config::default()
        })
        .is_err());
        assert!(Order::parse("lifo")
            .unwrap_err()
            .to_string()
            .contains("newest_first"));
    }

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

    #[test]
    fn long_lists_drop_without_recursion() {
        let b = HardQuestionBuffer::<u8>::new(Config::default()).unwrap();
        for q in 0..300_000 {
            b.push(Entry {
                question_id: q,
                step: 0,
                data: 0,
            });
        }
        assert_eq!(b.len(), 300_000);
        drop(b);
    }

    /// Several threads push unique entries and take batches at once: nothing lost, nothing
    /// duplicated, each take's entries are in order, and the counters add up.
    fn stress(order: Order, capacity: Option<usize>) {
        const THREADS: i64 = 4;
        const PER_THREAD: i64 = 20_000;
        let b = HardQuestionBuffer::<u64>::new(Config {
            capacity,
            order,
            dedup: false,
        })
        .unwrap();
        let taken: Vec<Vec<Vec<Entry<u64>>>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..THREADS)
                .map(|t| {
                    let b = &b;
                    s.spawn(move || {
                        let mut got = Vec::new();
                        let mut i = 0;
                        while i < PER_THREAD {
                            let q = t * PER_THREAD + i;
                            if i % 3 == 0 {
                                let batch: Vec<Entry<u64>> = (q..(q + 5).min((t + 1) * PER_THREAD))
                                    .map(|q| Entry {
                                        question_id: q,
                                        step: t,
                                        data: q as u64,
                                    })
                                    .collect();
                                i += batch.len() as i64;
                                b.push_many(batch);
                            } else {
                                b.push(Entry {
                                    question_id: q,
                                    step: t,
                                    data: q as u64,
                                });
                                i += 1;
                            }
                            if i % 7 == 0 {
                                if let Some(es) = b.take(1 + (i as usize % 11)) {
                                    got.push(es);
                                }
                            }
                        }
                        got
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let rest = b.take(b.len()).unwrap();
        assert_eq!(b.len(), 0);
        let mut seen = HashSet::new();
        let mut n_taken = 0u64;
        for batch in taken.iter().flatten() {
            n_taken += batch.len() as u64;
            // Within one take, each producer's entries appear in push order (fifo) or reverse.
            for t in 0..THREADS {
                let mine: Vec<i64> = batch
                    .iter()
                    .filter(|e| e.step == t)
                    .map(|e| e.question_id)
                    .collect();
                let ok = match order {
                    Order::Fifo => mine.windows(2).all(|w| w[0] < w[1]),
                    Order::NewestFirst => mine.windows(2).all(|w| w[0] > w[1]),
                };
                assert!(ok, "{order:?}: out of order within a take: {mine:?}");
            }
        }
        for entry in taken.iter().flatten().flatten().chain(rest.iter()) {
            assert_eq!(entry.data, entry.question_id as u64);
            assert!(
                seen.insert(entry.question_id),
                "entry {} came out twice",
                entry.question_id
            );
        }
        let s = b.stats();
        let total = (THREADS * PER_THREAD) as u64;
        assert_eq!(s.pushed, total);
        assert_eq!(s.taken, n_taken + rest.len() as u64);
        assert_eq!(s.pushed, s.taken + s.dropped);
        assert_eq!(seen.len() as u64, total - s.dropped);
        if capacity.is_none() {
            assert_eq!(s.dropped, 0);
        }
    }

    #[test]
    fn stress_newest_first() {
        stress(Order::NewestFirst, None);
    }

    #[test]
    fn stress_fifo() {
        stress(Order::Fifo, None);
    }

    #[test]
    fn stress_with_capacity() {
        stress(Order::NewestFirst, Some(64));
        stress(Order::Fifo, Some(64));
    }

    /// Threads push column batches and single entries and take columns at once.
    #[test]
    fn stress_columns() {
        const THREADS: i64 = 4;
        const PER_THREAD: i64 = 20_000;
        for order in [Order::NewestFirst, Order::Fifo] {
            let b = HardQuestionBuffer::<u64>::new(Config {
                order,
                ..Config::default()
            })
            .unwrap();
            let taken: Vec<(Vec<i64>, Vec<i64>)> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..THREADS)
                    .map(|t| {
                        let b = &b;
                        s.spawn(move || {
                            let mut got = Vec::new();
                            let mut i = 0;
                            while i < PER_THREAD {
                                let q = t * PER_THREAD + i;
                                let k = (1 + i % 9).min(PER_THREAD - i);
                                let ids: Vec<i64> = (q..q + k).collect();
                                let steps = vec![t; k as usize];
                                match i % 3 {
                                    0 => b.push_columns(cols(&ids, Steps::Same(t))),
                                    1 => b.push_columns(cols(&ids, Steps::Each(&steps))),
                                    _ => b.push_many(
                                        ids.iter()
                                            .map(|&q| Entry {
                                                question_id: q,
                                                step: t,
                                                data: 1,
                                            })
                                            .collect(),
                                    ),
                                };
                                i += k;
                                if let Some(out) = b.take_columns(1 + (i as usize % 13)) {
                                    got.push(out);
                                }
                            }
                            got
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap())
                    .collect()
            });
            let (rest, _) = b.take_columns(b.len()).unwrap();
            let mut seen = HashSet::new();
            for (ids, steps) in &taken {
                for t in 0..THREADS {
                    let mine: Vec<i64> = ids
                        .iter()
                        .zip(steps)
                        .filter(|(_, &s)| s == t)
                        .map(|(&q, _)| q)
                        .collect();
                    assert!(mine.iter().all(|q| q / PER_THREAD == t));
                    let ok = match order {
                        Order::Fifo => mine.windows(2).all(|w| w[0] < w[1]),
                        Order::NewestFirst => mine.windows(2).all(|w| w[0] > w[1]),
                    };
                    assert!(ok, "{order:?}: out of order within a take: {mine:?}");
                }
            }
            for &q in taken.iter().flat_map(|(ids, _)| ids).chain(&rest) {
                assert!(seen.insert(q), "entry {q} came out twice");
            }
            let s = b.stats();
            assert_eq!(seen.len() as u64, (THREADS * PER_THREAD) as u64);
            assert_eq!(
                (s.pushed, s.taken, s.dropped),
                (seen.len() as u64, s.pushed, 0)
            );
        }
    }

    #[test]
    fn stress_dedup_never_holds_a_duplicate() {
        let b = HardQuestionBuffer::<u64>::new(Config {
            capacity: None,
            order: Order::Fifo,
            dedup: true,
        })
        .unwrap();
        let attempts = std::thread::scope(|s| {
            let handles: Vec<_> = (0..3u64)
                .map(|t| {
                    let b = &b;
                    s.spawn(move || {
                        let mut n = 0u64;
                        for i in 0..20_000u64 {
                            let q = ((i * 7 + t) % 50) as i64;
                            b.push(Entry {
                                question_id: q,
                                step: 0,
                                data: t,
                            });
                            n += 1;
                            if i % 5 == 0 {
                                b.take(3);
                            }
                            if i % 997 == 0 {
                                let held: Vec<i64> =
                                    b.entries().iter().map(|e| e.question_id).collect();
                                let set: HashSet<i64> = held.iter().copied().collect();
                                assert_eq!(set.len(), held.len(), "duplicate held: {held:?}");
                            }
                        }
                        n
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).sum::<u64>()
        });
        let s = b.stats();
        assert_eq!(s.pushed + s.rejected, attempts);
        assert_eq!(s.pushed - s.taken, b.len() as u64);
        assert!(b.len() <= 50);
    }
}
