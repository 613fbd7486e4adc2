//! Unit tests of the buffer through its API: the sequential semantics, memory retention of
//! partly taken batches, and multi-threaded stress runs (loom covers the interleavings).

use super::*;

pub(super) type Buf = HardQuestionBuffer<Option<Vec<u8>>>;

pub(super) fn e(q: i64) -> Entry<Option<Vec<u8>>> {
    Entry {
        question_id: q,
        step: q * 10,
        data: Some(q.to_le_bytes().to_vec()),
    }
}

fn ids(es: &[Entry<Option<Vec<u8>>>]) -> Vec<i64> {
    es.iter().map(|e| e.question_id).collect()
}

pub(super) fn buf(capacity: Option<usize>, order: Order, dedup: bool) -> Buf {
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
        r.items
            .runs_oldest_first()
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
