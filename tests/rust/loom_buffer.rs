//! Model check of the lock-free hard-question buffer with loom: every interleaving (up to loom's
//! preemption bound) of small concurrent scenarios, including crossbeam-epoch's reclamation.
//!
//! Run (not part of `cargo test`, it needs its own cfg flags and build):
//! `RUSTFLAGS="--cfg loom --cfg crossbeam_loom" LOOM_MAX_PREEMPTIONS=3 \
//!    cargo test --release --no-default-features --test loom_buffer`
#![cfg(loom)]

use loom::thread;
use relift::buffer::{Columns, Config, Entry, HardQuestionBuffer, Order, Steps};
use std::sync::Arc;

fn e(q: i64) -> Entry<u64> {
    Entry {
        question_id: q,
        step: 0,
        data: q as u64,
    }
}

fn ids(es: &[Entry<u64>]) -> Vec<i64> {
    es.iter().map(|e| e.question_id).collect()
}

fn new(capacity: Option<usize>, order: Order, dedup: bool) -> Arc<HardQuestionBuffer<u64>> {
    Arc::new(
        HardQuestionBuffer::new(Config {
            capacity,
            order,
            dedup,
        })
        .unwrap(),
    )
}

#[test]
fn concurrent_pushes_are_both_kept() {
    loom::model(|| {
        let b = new(None, Order::NewestFirst, false);
        let b2 = b.clone();
        let t = thread::spawn(move || assert!(b2.push(e(1))));
        assert_eq!(b.push_many(vec![e(2), e(3)]), 2);
        t.join().unwrap();
        let got = ids(&b.take(3).unwrap());
        // The batch is atomic: 3 is newer than 2 and nothing comes between them.
        assert!(got == vec![1, 3, 2] || got == vec![3, 2, 1], "{got:?}");
        assert_eq!(b.stats().pushed, 3);
    });
}

#[test]
fn push_races_take() {
    for order in [Order::NewestFirst, Order::Fifo] {
        loom::model(move || {
            let b = new(None, order, false);
            b.push(e(0));
            let b2 = b.clone();
            let t = thread::spawn(move || b2.take(1).map(|es| ids(&es)));
            b.push(e(1));
            let taken = t.join().unwrap().expect("one entry was always held");
            let rest = ids(&b.take(1).unwrap());
            // Linearizations: take first (gets 0), or push first (gets 1 newest-first, 0 fifo).
            let ok = match order {
                Order::NewestFirst => {
                    (taken == vec![0] && rest == vec![1]) || (taken == vec![1] && rest == vec![0])
                }
                Order::Fifo => taken == vec![0] && rest == vec![1],
            };
            assert!(ok, "{order:?}: taken {taken:?} rest {rest:?}");
            let s = b.stats();
            assert_eq!((s.pushed, s.taken, b.len()), (2, 2, 0));
        });
    }
}

#[test]
fn takes_are_all_or_nothing() {
    loom::model(|| {
        let b = new(None, Order::NewestFirst, false);
        b.push_many(vec![e(1), e(2), e(3)]);
        let b2 = b.clone();
        let t = thread::spawn(move || b2.take(2));
        let mine = b.take(2);
        let theirs = t.join().unwrap();
        // Three entries, two takes of two: exactly one succeeds, whole.
        assert!(mine.is_some() != theirs.is_some());
        let got = mine.or(theirs).unwrap();
        assert_eq!(ids(&got), vec![3, 2]);
        assert_eq!(ids(&b.entries()), vec![1]);
        assert_eq!(b.stats().taken, 2);
    });
}

#[test]
fn dedup_accepts_exactly_one_of_two_racing_pushes() {
    loom::model(|| {
        let b = new(None, Order::Fifo, true);
        let b2 = b.clone();
        let t = thread::spawn(move || b2.push(e(7)));
        let mine = b.push(e(7));
        let theirs = t.join().unwrap();
        assert!(mine != theirs);
        let s = b.stats();
        assert_eq!((s.pushed, s.rejected, b.len()), (1, 1, 1));
    });
}

#[test]
fn capacity_eviction_under_races() {
    loom::model(|| {
        let b = new(Some(1), Order::NewestFirst, false);
        let b2 = b.clone();
        let t = thread::spawn(move || b2.push(e(1)));
        b.push(e(2));
        t.join().unwrap();
        let s = b.stats();
        assert_eq!((s.pushed, s.dropped, b.len()), (2, 1, 1));
        let kept = ids(&b.take(1).unwrap());
        assert!(kept == vec![1] || kept == vec![2]);
    });
}

#[test]
fn snapshot_is_a_consistent_state() {
    loom::model(|| {
        let b = new(None, Order::Fifo, false);
        let b2 = b.clone();
        let t = thread::spawn(move || {
            b2.push_many(vec![e(1), e(2)]);
            b2.take(1);
        });
        let snap = b.snapshot_with(|d| Some(d.to_le_bytes().to_vec()));
        t.join().unwrap();
        let r = HardQuestionBuffer::<u64>::restore_with(&snap, |_, _, p| {
            Ok(u64::from_le_bytes(p.unwrap().try_into().unwrap()))
        })
        .unwrap();
        let s = r.stats();
        let state = (ids(&r.entries()), s.pushed, s.taken);
        let valid = [(vec![], 0, 0), (vec![1, 2], 2, 0), (vec![2], 2, 1)];
        assert!(valid.contains(&state), "{state:?}");
    });
}

#[test]
fn column_batches_race_entries_and_take_atomically() {
    for order in [Order::NewestFirst, Order::Fifo] {
        loom::model(move || {
            let b = new(None, order, false);
            let b2 = b.clone();
            let t = thread::spawn(move || {
                let cols = Columns::new(&[1, 2], Steps::Each(&[10, 20])).unwrap();
                assert_eq!(b2.push_columns(cols), 2);
                b2.take_columns(2)
            });
            b.push(e(3));
            let theirs = t.join().unwrap().expect("two entries were held");
            let (ids, steps) = b.take_columns(1).unwrap();
            // The batch is atomic: 1 and 2 are adjacent, 2 newer; steps travel with their ids.
            let (all, mut taken) = (vec![1, 2, 3], theirs.0.clone());
            taken.extend(&ids);
            taken.sort();
            assert_eq!(taken, all);
            let step = |q: i64| if q == 3 { 0 } else { q * 10 };
            let got: Vec<i64> = theirs.0.iter().chain(&ids).map(|&q| step(q)).collect();
            let want: Vec<i64> = theirs.1.iter().chain(&steps).copied().collect();
            assert_eq!(got, want);
            let ok = match order {
                Order::NewestFirst => [vec![3, 2], vec![2, 1]].contains(&theirs.0),
                Order::Fifo => [vec![3, 1], vec![1, 2]].contains(&theirs.0),
            };
            assert!(ok, "{order:?}: took {:?}", theirs.0);
            let s = b.stats();
            assert_eq!((s.pushed, s.taken, b.len()), (3, 3, 0));
        });
    }
}
