//! Unit tests of the group advantages and statistics: the definitions in the parent module's
//! doc, the degenerate cases, and agreement between the contiguous and id-grouped paths.

use super::*;

fn opts(baseline: Baseline, scale: Scale) -> Options {
    Options {
        baseline,
        scale,
        eps: 1e-6,
    }
}

/// A direct, slow transcription of the definitions, for comparison.
fn naive(rewards: &[f64], ids: &[i64], o: &Options) -> Vec<f64> {
    let mut centred = vec![0.0; rewards.len()];
    let mut valid_total = 0usize;
    let mut group_std = vec![0.0; rewards.len()];
    for i in 0..rewards.len() {
        if rewards[i].is_nan() {
            continue;
        }
        valid_total += 1;
        let group: Vec<f64> = (0..rewards.len())
            .filter(|&j| ids[j] == ids[i] && !rewards[j].is_nan())
            .map(|j| rewards[j])
            .collect();
        let n = group.len();
        if n < 2 {
            continue;
        }
        let mean = group.iter().sum::<f64>() / n as f64;
        let var = group.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
        group_std[i] = var.sqrt();
        centred[i] = match o.baseline {
            Baseline::Mean => rewards[i] - mean,
            Baseline::LeaveOneOut => rewards[i] - (mean * n as f64 - rewards[i]) / (n - 1) as f64,
        };
    }
    let bstd = if valid_total < 2 {
        0.0
    } else {
        (centred.iter().map(|c| c * c).sum::<f64>() / (valid_total - 1) as f64).sqrt()
    };
    (0..rewards.len())
        .map(|i| match o.scale {
            Scale::None => centred[i],
            Scale::Group => centred[i] / (group_std[i] + o.eps),
            Scale::Batch => centred[i] / (bstd + o.eps),
        })
        .collect()
}

fn close(a: &[f64], b: &[f64]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() <= 1e-9 * (1.0 + y.abs()), "{a:?} vs {b:?}");
    }
}

const ALL: [(Baseline, Scale); 6] = [
    (Baseline::Mean, Scale::None),
    (Baseline::Mean, Scale::Group),
    (Baseline::Mean, Scale::Batch),
    (Baseline::LeaveOneOut, Scale::None),
    (Baseline::LeaveOneOut, Scale::Group),
    (Baseline::LeaveOneOut, Scale::Batch),
];

#[test]
fn dr_grpo_is_reward_minus_group_mean() {
    let r = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
    let a = group_advantages(&r, Groups::Contiguous(4), &Options::default()).unwrap();
    assert_eq!(a, vec![0.5, -0.5, -0.5, 0.5, 0.0, 0.0, 0.0, 0.0]);
}

#[test]
fn equal_groups_are_exactly_zero_everywhere() {
    let r = [
        0.0f32, 0.0, 0.0, 1.0, 1.0, 1.0, 0.1, 0.1, 0.1, 0.7, 0.7, 0.7,
    ];
    for (b, s) in ALL {
        let a = group_advantages(&r, Groups::Contiguous(3), &opts(b, s)).unwrap();
        assert!(a.iter().all(|&x| x == 0.0), "{b:?} {s:?}: {a:?}");
    }
}

#[test]
fn matches_naive_definition() {
    let r = [
        1.0,
        0.0,
        0.5,
        f64::NAN,
        0.25,
        1.0,
        0.0,
        0.0,
        3.0,
        -1.0,
        f64::NAN,
        2.0,
    ];
    let ids = [3, 3, 3, 3, 7, 7, 7, 9, 9, 9, 11, 12];
    for (b, s) in ALL {
        let o = opts(b, s);
        let got = group_advantages(&r, Groups::Ids(&ids), &o).unwrap();
        close(&got, &naive(&r, &ids, &o));
    }
}

#[test]
fn contiguous_equals_ids_and_f32_close_to_f64() {
    let r: Vec<f64> = (0..64).map(|i| ((i * 7919) % 13) as f64 / 13.0).collect();
    let ids: Vec<i64> = (0..64).map(|i| i / 8).collect();
    for (b, s) in ALL {
        let o = opts(b, s);
        let c = group_advantages(&r, Groups::Contiguous(8), &o).unwrap();
        let d = group_advantages(&r, Groups::Ids(&ids), &o).unwrap();
        close(&c, &d);
        let r32: Vec<f32> = r.iter().map(|&x| x as f32).collect();
        let c32 = group_advantages(&r32, Groups::Contiguous(8), &o).unwrap();
        let back: Vec<f64> = r32.iter().map(|&x| x as f64).collect();
        let want = group_advantages(&back, Groups::Contiguous(8), &o).unwrap();
        for (x, y) in c32.iter().zip(&want) {
            assert!((*x as f64 - y).abs() <= 1e-6 * (1.0 + y.abs()));
        }
    }
}

#[test]
fn degenerate_groups() {
    // Size-1 groups, all-NaN groups and a group with one valid reward: all zeros.
    let r = [1.0, f64::NAN, f64::NAN, 0.5, f64::NAN];
    let ids = [1, 2, 2, 3, 3];
    for (b, s) in ALL {
        let a = group_advantages(&r, Groups::Ids(&ids), &opts(b, s)).unwrap();
        assert_eq!(a, vec![0.0; 5]);
    }
    assert!(
        group_advantages::<f64>(&[], Groups::Contiguous(8), &Options::default())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn non_contiguous_ids_and_parallel_path() {
    let n = PARALLEL_THRESHOLD + 64;
    let r: Vec<f64> = (0..n).map(|i| ((i * 31) % 5) as f64 / 4.0).collect();
    let ids: Vec<i64> = (0..n as i64).map(|i| i % (n as i64 / 8)).collect();
    let contiguous: Vec<i64> = (0..n as i64).map(|i| i / 8).collect();
    for (b, s) in ALL {
        let o = opts(b, s);
        let a = group_advantages(&r, Groups::Contiguous(8), &o).unwrap();
        let c = group_advantages(&r, Groups::Ids(&contiguous), &o).unwrap();
        close(&a, &c);
        let strided: Vec<i64> = (0..80).map(|i| i % 10).collect();
        let s_ = group_advantages(&r[..80], Groups::Ids(&strided), &o).unwrap();
        close(&s_, &naive(&r[..80], &strided, &o));
        let big = group_advantages(&r, Groups::Ids(&ids), &o).unwrap();
        assert_eq!(big.len(), n);
    }
}

#[test]
fn eps_zero_with_zero_std_gives_zero_not_nan() {
    for (b, s) in ALL {
        let o = Options {
            baseline: b,
            scale: s,
            eps: 0.0,
        };
        let a = group_advantages(&[1.0f64, 1.0, 0.0, 1.0], Groups::Contiguous(2), &o).unwrap();
        assert!(a.iter().all(|x| x.is_finite()), "{b:?} {s:?}: {a:?}");
        assert_eq!(a[..2], [0.0, 0.0]);
        let flat = group_advantages(&[1.0, 1.0, 0.0, 0.0], Groups::Contiguous(2), &o).unwrap();
        assert_eq!(flat, vec![0.0; 4]);
    }
}

#[test]
fn errors_name_the_problem() {
    let o = Options::default();
    let e = group_advantages(&[1.0, 2.0, 3.0], Groups::Contiguous(2), &o).unwrap_err();
    assert!(e.to_string().contains("group_size=2"));
    let e = group_advantages(&[1.0], Groups::Contiguous(0), &o).unwrap_err();
    assert!(e.to_string().contains(">= 1"));
    let e = group_advantages(&[1.0, f64::INFINITY], Groups::Contiguous(1), &o).unwrap_err();
    assert!(e.to_string().contains("rewards[1]"));
    let e = group_advantages(&[1.0], Groups::Ids(&[1, 2]), &o).unwrap_err();
    assert!(e.to_string().contains("group_ids"));
    let bad = Options { eps: -1.0, ..o };
    assert!(group_advantages(&[1.0], Groups::Contiguous(1), &bad).is_err());
}

#[test]
fn stats_per_group() {
    let r = [0.0, 0.0, f64::NAN, 1.0, 1.0, 0.0, 1.0, f64::NAN];
    let ids = [5, 5, 5, 8, 8, 2, 2, 4];
    let s = group_stats(&r, Groups::Ids(&ids)).unwrap();
    assert_eq!(s.group_ids, vec![5, 8, 2, 4]);
    assert_eq!(s.count, vec![2, 2, 2, 0]);
    assert_eq!(s.solve_none, vec![true, false, false, false]);
    assert_eq!(s.solve_all, vec![false, true, false, false]);
    assert_eq!(s.mean[..3], [0.0, 1.0, 0.5]);
    assert!(s.mean[3].is_nan() && s.std[3].is_nan());
    assert_eq!(s.std[0], 0.0);
    assert!((s.std[2] - 0.5f64.sqrt()).abs() < 1e-15);
    let c = group_stats(&[1.0f32, 0.0, 0.0, 0.0], Groups::Contiguous(2)).unwrap();
    assert_eq!(c.group_ids, vec![0, 1]);
    assert_eq!(c.solve_none, vec![false, true]);
}
