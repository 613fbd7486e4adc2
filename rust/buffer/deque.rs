//! The persistent double-ended queue of runs behind the buffer's atomic root: immutable,
//! `Arc`-shared nodes, so a new root shares everything it does not change with the old one.

use std::sync::Arc;

use super::{Columns, Entry, Steps};

/// A run of consecutive entries, oldest first: a single entry (pushed alone), `chunk[lo..hi]` of
/// a batch pushed together, or entries `lo..hi` of a column batch (entries without data). Runs
/// are never empty.
pub(super) enum Run<P> {
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
pub(super) enum View<'a, P> {
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
    pub(super) fn len(self) -> usize {
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

    pub(super) fn ids(self) -> impl Iterator<Item = i64> + 'a {
        (0..self.len()).map(move |i| self.id(i))
    }

    pub(super) fn id(self, i: usize) -> i64 {
        match self {
            View::Entries(es) => es[i].question_id,
            View::Cols(ids, _) => ids[i],
        }
    }

    pub(super) fn step(self, i: usize) -> i64 {
        match self {
            View::Entries(es) => es[i].step,
            View::Cols(_, steps) => steps.get(i),
        }
    }

    /// The entry's data; `None` for an entry pushed as columns.
    pub(super) fn data(self, i: usize) -> Option<&'a P> {
        match self {
            View::Entries(es) => Some(&es[i].data),
            View::Cols(..) => None,
        }
    }
}

impl<P: Clone> Run<P> {
    pub(super) fn whole(chunk: Arc<[Entry<P>]>) -> Self {
        let hi = chunk.len();
        Run::Slice { chunk, lo: 0, hi }
    }

    pub(super) fn whole_cols(cols: Columns) -> Self {
        let hi = cols.len();
        Run::Cols { cols, lo: 0, hi }
    }

    pub(super) fn view(&self) -> View<'_, P> {
        match self {
            Run::One(e) => View::Entries(std::slice::from_ref(e)),
            Run::Slice { chunk, lo, hi } => View::Entries(&chunk[*lo..*hi]),
            Run::Cols { cols, lo, hi } => {
                View::Cols(&cols.question_ids()[*lo..*hi], cols.steps().slice(*lo, *hi))
            }
        }
    }

    pub(super) fn len(&self) -> usize {
        match self {
            Run::One(_) => 1,
            Run::Slice { lo, hi, .. } | Run::Cols { lo, hi, .. } => hi - lo,
        }
    }

    /// Entries `lo..hi` (relative to this run) as a run. They share the batch unless they would
    /// keep alive a batch more than twice their size: then they are copied, so that entries that
    /// were taken or dropped are not retained (each copy at least halves a batch: amortised O(1)).
    pub(super) fn sub(&self, lo: usize, hi: usize) -> Run<P> {
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
    pub(super) fn gather(&self, idx: &[usize]) -> Run<P> {
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
pub(super) trait Sink<P> {
    /// Append the entries of `view`, oldest first, or newest first when `rev`.
    fn put(&mut self, view: View<'_, P>, rev: bool);
}

/// Keeps nothing (entries evicted by capacity).
pub(super) struct Discard;

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
pub(super) struct IdsSteps {
    pub(super) ids: Vec<i64>,
    pub(super) steps: Vec<i64>,
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
pub(super) struct Deque<P> {
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
    pub(super) fn empty() -> Self {
        Deque {
            front: None,
            back: None,
        }
    }

    pub(super) fn len(&self) -> usize {
        list_len(&self.front) + list_len(&self.back)
    }

    /// The runs, oldest first.
    pub(super) fn runs_oldest_first(&self) -> impl Iterator<Item = &Run<P>> {
        let mut back: Vec<&Run<P>> = runs(&self.back).collect();
        back.reverse();
        runs(&self.front).chain(back)
    }

    pub(super) fn push_run(&self, run: Run<P>) -> Self {
        Deque {
            front: self.front.clone(),
            back: cons(run, self.back.clone()),
        }
    }

    /// The deque without its `k <= len` oldest entries, which go to `out` oldest first.
    pub(super) fn pop_oldest(&self, k: usize, out: &mut impl Sink<P>) -> Self {
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
    pub(super) fn pop_newest(&self, k: usize, out: &mut impl Sink<P>) -> Self {
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
