//! Group-relative advantages: GRPO, Dr.GRPO (the ReLIFT reference), RLOO and batch-normalised
//! (REINFORCE++-style) baselines, plus the per-group statistics the trainer logs.
//!
//! # Definitions
//! Rewards are partitioned into groups (the n responses to one prompt), either contiguous groups
//! of `group_size` or arbitrary integer `group_ids`. Within a group, only the *valid* rewards
//! (not NaN) take part; let `n` be their number and `mean` their mean.
//!
//! * baseline `Mean` (GRPO, Dr.GRPO): `c_i = r_i - mean`.
//! * baseline `LeaveOneOut` (RLOO): `c_i = r_i - mean(other valid rewards of the group)`, which
//!   equals `n / (n - 1) * (r_i - mean)`.
//! * scale `None` (Dr.GRPO, the ReLIFT reference): `A_i = c_i`.
//! * scale `Group` (GRPO): `A_i = c_i / (std + eps)`, `std` the *sample* (unbiased, `n - 1`)
//!   standard deviation of the group's valid rewards, as in GRPO implementations (`torch.std`).
//! * scale `Batch` (REINFORCE++-style): `A_i = c_i / (std_batch + eps)` with
//!   `std_batch = sqrt(sum c_j^2 / (N - 1))` over all N valid rewards of the batch: the sample std
//!   of the centred advantages (which sum to zero in every group, so their mean is 0).
//!   `std_batch = 0` when `N < 2`.
//!
//! Degenerate cases, all well defined:
//! * a NaN reward (e.g. an unparseable reference answer) is left out of every baseline and std,
//!   and gets advantage 0;
//! * a group with fewer than two valid rewards has no comparison, so all its advantages are 0;
//! * a group whose valid rewards are all equal (all 0 or all 1 in particular) gets advantage
//!   exactly 0 under every baseline and scale: the mean is computed as `pivot + mean(r - pivot)`
//!   with the group's first valid reward as pivot, so equal rewards give exact zeros;
//! * with `eps = 0`, a zero std (so every centred reward is 0) gives advantage 0, never NaN;
//! * `+-inf` rewards are rejected with an error naming the index.
//!
//! All arithmetic is in f64; the output has the input's float type.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use crate::error::{Error, Result};

/// Which baseline is subtracted from each reward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    /// The group mean (GRPO, Dr.GRPO).
    Mean,
    /// The mean of the other rewards of the group (RLOO).
    LeaveOneOut,
}

/// How the centred rewards are scaled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// No scaling (Dr.GRPO; the ReLIFT reference).
    None,
    /// Divide by the group's sample std plus eps (GRPO).
    Group,
    /// Divide by the whole batch's sample std of the centred rewards plus eps (REINFORCE++).
    Batch,
}

/// Options of [`group_advantages`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub baseline: Baseline,
    pub scale: Scale,
    /// Added to the std before dividing; must be finite and >= 0.
    pub eps: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            baseline: Baseline::Mean,
            scale: Scale::None,
            eps: 1e-6,
        }
    }
}

/// How rewards are grouped.
#[derive(Clone, Copy, Debug)]
pub enum Groups<'a> {
    /// Consecutive groups of this many rewards; the length must be a multiple of it.
    Contiguous(usize),
    /// `ids[i]` is the group of reward i; groups may have any size and need not be contiguous.
    Ids(&'a [i64]),
}

/// A reward float type (f32 or f64); all arithmetic happens in f64.
pub trait Reward: Copy + Send + Sync + 'static {
    fn to_f64(self) -> f64;
    fn from_f64(x: f64) -> Self;
}

impl Reward for f64 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self
    }
    #[inline(always)]
    fn from_f64(x: f64) -> Self {
        x
    }
}

impl Reward for f32 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self as f64
    }
    #[inline(always)]
    fn from_f64(x: f64) -> Self {
        x as f32
    }
}

/// Per-group statistics, groups in order of first appearance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupStats {
    /// The group's id: its index for contiguous groups, else the id from `group_ids`.
    pub group_ids: Vec<i64>,
    /// Mean of the valid rewards; NaN when the group has none.
    pub mean: Vec<f64>,
    /// Sample std (n - 1) of the valid rewards; NaN when the group has fewer than two.
    pub std: Vec<f64>,
    /// Number of valid (non-NaN) rewards.
    pub count: Vec<i64>,
    /// At least one valid reward and every valid reward <= 0 (for 0/1 rewards: all 0, ReLIFT's
    /// "hardest" questions).
    pub solve_none: Vec<bool>,
    /// At least one valid reward and every valid reward >= 1 (for 0/1 rewards: all 1).
    pub solve_all: Vec<bool>,
}

/// Below this many rewards the work runs on the calling thread; above it, on rayon's pool.
pub const PARALLEL_THRESHOLD: usize = 1 << 18;

/// The moments of one group's valid rewards, computed with a pivot so equal rewards are exact.
#[derive(Clone, Copy, Debug)]
struct Moments {
    n: usize,
    pivot: f64,
    /// mean(r - pivot) over the valid rewards.
    dmean: f64,
    /// sum over the valid rewards of (r - pivot - dmean)^2.
    m2: f64,
    min: f64,
    max: f64,
    /// Every reward of the group is finite (so writing needs no NaN test, and no error check).
    nan_free: bool,
}

/// A sum split over four accumulators, so the compiler can vectorise it.
#[inline(always)]
fn lane_sum(len: usize, f: impl Fn(usize) -> f64) -> f64 {
    let mut acc = [0.0f64; 4];
    let whole = len / 4 * 4;
    for c in (0..whole).step_by(4) {
        for (l, a) in acc.iter_mut().enumerate() {
            *a += f(c + l);
        }
    }
    let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for i in whole..len {
        s += f(i);
    }
    s
}

impl Moments {
    /// The moments needed for advantages: a branch-free pass for groups without NaN (the common
    /// case), the general pass otherwise. `min`/`max` are not computed here.
    #[inline(always)]
    fn for_advantages(len: usize, get: impl Fn(usize) -> f64 + Copy, need_m2: bool) -> Moments {
        if len == 0 {
            return Moments::of(0, get);
        }
        let pivot = get(0);
        let dsum = lane_sum(len, |i| get(i) - pivot);
        if !dsum.is_finite() {
            // A NaN somewhere (or an overflow): the general pass decides.
            return Moments::of(len, get);
        }
        let dmean = dsum / len as f64;
        let m2 = if need_m2 && len > 1 {
            lane_sum(len, |i| {
                let d = (get(i) - pivot) - dmean;
                d * d
            })
        } else {
            0.0
        };
        Moments {
            n: len,
            pivot,
            dmean,
            m2,
            min: f64::NAN,
            max: f64::NAN,
            nan_free: true,
        }
    }

    #[inline(always)]
    fn of(len: usize, get: impl Fn(usize) -> f64) -> Moments {
        let mut n = 0usize;
        let mut pivot = f64::NAN;
        let mut dsum = 0.0;
        let mut min = f64::INFINITY;
        let mut max = f64::NEG_INFINITY;
        for i in 0..len {
            let x = get(i);
            if x.is_nan() {
                continue;
            }
            if n == 0 {
                pivot = x;
            }
            n += 1;
            dsum += x - pivot;
            min = min.min(x);
            max = max.max(x);
        }
        let dmean = if n > 0 { dsum / n as f64 } else { 0.0 };
        let mut m2 = 0.0;
        if n > 1 {
            for i in 0..len {
                let x = get(i);
                if !x.is_nan() {
                    let d = (x - pivot) - dmean;
                    m2 += d * d;
                }
            }
        }
        Moments {
            n,
            pivot,
            dmean,
            m2,
            min,
            max,
            // No NaN and no infinity (min/max would show one).
            nan_free: n == len && (n == 0 || (min.is_finite() && max.is_finite())),
        }
    }

    /// The factor turning `r - mean` into the baseline-centred reward.
    #[inline(always)]
    fn center_factor(&self, baseline: Baseline) -> f64 {
        match baseline {
            Baseline::Mean => 1.0,
            Baseline::LeaveOneOut => self.n as f64 / (self.n - 1) as f64,
        }
    }

    #[inline(always)]
    fn sample_std(&self) -> f64 {
        (self.m2 / (self.n - 1) as f64).sqrt()
    }

    /// Sum of the squared centred rewards (before any scaling) of this group.
    #[inline(always)]
    fn centred_sq_sum(&self, baseline: Baseline) -> f64 {
        if self.n < 2 {
            return 0.0;
        }
        let f = self.center_factor(baseline);
        f * f * self.m2
    }

    /// Write the advantages of one group; `batch_div` is `std_batch + eps` for `Scale::Batch`.
    #[inline(always)]
    fn write<T: Reward>(
        &self,
        len: usize,
        get: impl Fn(usize) -> f64,
        mut put: impl FnMut(usize, T),
        opts: &Options,
        batch_div: f64,
    ) {
        if self.n < 2 {
            for i in 0..len {
                put(i, T::from_f64(0.0));
            }
            return;
        }
        // One factor per group; for the mean baseline without scaling it is exactly 1, so
        // A = r - mean exactly.
        let mult = self.center_factor(opts.baseline);
        let div = match opts.scale {
            Scale::None => 1.0,
            Scale::Group => self.sample_std() + opts.eps,
            Scale::Batch => batch_div,
        };
        let k = match (opts.baseline, opts.scale) {
            (Baseline::Mean, Scale::None) => 1.0,
            _ => mult / div,
        };
        if !k.is_finite() {
            // Only with eps = 0 and a zero (or subnormal) std: divide each value, and define a
            // zero divisor as "no signal", advantage 0 (never NaN).
            for i in 0..len {
                let x = get(i);
                let c = ((x - self.pivot) - self.dmean) * mult;
                let a = if div == 0.0 || x.is_nan() {
                    0.0
                } else {
                    c / div
                };
                put(i, T::from_f64(a));
            }
        } else if self.nan_free {
            for i in 0..len {
                put(i, T::from_f64(((get(i) - self.pivot) - self.dmean) * k));
            }
        } else {
            for i in 0..len {
                let x = get(i);
                let a = if x.is_nan() {
                    0.0
                } else {
                    ((x - self.pivot) - self.dmean) * k
                };
                put(i, T::from_f64(a));
            }
        }
    }
}

fn check_finite<T: Reward>(rewards: &[T]) -> Result<()> {
    // A branch-free scan first (it vectorises); find the index only on failure.
    let any_inf = rewards
        .iter()
        .fold(false, |acc, r| acc | r.to_f64().is_infinite());
    if !any_inf {
        return Ok(());
    }
    if let Some(i) = rewards.iter().position(|r| r.to_f64().is_infinite()) {
        return Err(Error::InvalidInput(format!(
            "rewards[{i}] is {}; rewards must be finite or NaN (NaN = no reward, advantage 0)",
            rewards[i].to_f64()
        )));
    }
    Ok(())
}

fn check_opts(opts: &Options) -> Result<()> {
    if !(opts.eps.is_finite() && opts.eps >= 0.0) {
        return Err(Error::InvalidInput(format!(
            "eps={} is not valid: expected a finite float >= 0",
            opts.eps
        )));
    }
    Ok(())
}

fn check_group_size(len: usize, group_size: usize) -> Result<()> {
    if group_size == 0 {
        return Err(Error::InvalidInput("group_size must be >= 1".into()));
    }
    if len % group_size != 0 {
        return Err(Error::InvalidInput(format!(
            "{len} rewards do not split into groups of group_size={group_size}"
        )));
    }
    Ok(())
}

/// A multiplicative hasher for i64 keys (the std SipHash is needlessly slow here).
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_i64(&mut self, x: i64) {
        let h = (x as u64 ^ 0x2545_F491_4F6C_DD1D).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 29);
    }
}

/// Rewards regrouped by arbitrary ids: members of group g are `order[offsets[g]..offsets[g+1]]`.
struct IdGroups {
    ids: Vec<i64>,
    offsets: Vec<usize>,
    order: Vec<usize>,
}

impl IdGroups {
    fn new(ids: &[i64]) -> IdGroups {
        let mut map: HashMap<i64, usize, BuildHasherDefault<IdHasher>> = HashMap::default();
        let mut group_ids = Vec::new();
        let mut dense = Vec::with_capacity(ids.len());
        let mut last: Option<(i64, usize)> = None;
        for &id in ids {
            let g = match last {
                Some((prev, g)) if prev == id => g,
                _ => {
                    let next = group_ids.len();
                    let g = *map.entry(id).or_insert(next);
                    if g == next {
                        group_ids.push(id);
                    }
                    last = Some((id, g));
                    g
                }
            };
            dense.push(g);
        }
        // Counting sort of the indices by group (stable: members keep their order).
        let mut offsets = vec![0usize; group_ids.len() + 1];
        for &g in &dense {
            offsets[g + 1] += 1;
        }
        for g in 0..group_ids.len() {
            offsets[g + 1] += offsets[g];
        }
        let mut fill = offsets.clone();
        let mut order = vec![0usize; ids.len()];
        for (i, &g) in dense.iter().enumerate() {
            order[fill[g]] = i;
            fill[g] += 1;
        }
        IdGroups {
            ids: group_ids,
            offsets,
            order,
        }
    }

    fn members(&self, g: usize) -> &[usize] {
        &self.order[self.offsets[g]..self.offsets[g + 1]]
    }
}

/// Group-relative advantages of `rewards` (see the module doc for the exact definitions).
pub fn group_advantages<T: Reward>(
    rewards: &[T],
    groups: Groups<'_>,
    opts: &Options,
) -> Result<Vec<T>> {
    check_opts(opts)?;
    let mut out = vec![T::from_f64(0.0); rewards.len()];
    match groups {
        Groups::Contiguous(size) => {
            check_group_size(rewards.len(), size)?;
            // The kernel notices any non-finite reward for free (its fast path needs a finite
            // group sum); only then is the input scanned for +-inf, to name the index.
            if contiguous_advantages(rewards, size, opts, &mut out) {
                check_finite(rewards)?;
            }
        }
        Groups::Ids(ids) => {
            if ids.len() != rewards.len() {
                return Err(Error::InvalidInput(format!(
                    "group_ids has {} entries but rewards has {}",
                    ids.len(),
                    rewards.len()
                )));
            }
            check_finite(rewards)?;
            id_advantages(rewards, &IdGroups::new(ids), opts, &mut out);
        }
    }
    Ok(out)
}

/// Sum of the valid-reward count and of the squared centred rewards over consecutive groups.
#[inline(always)]
fn sq_sums<T: Reward>(r: &[T], size: usize, baseline: Baseline) -> (usize, f64) {
    let mut n = 0;
    let mut s = 0.0;
    for grp in r.chunks_exact(size) {
        let m = Moments::for_advantages(size, |i| grp[i].to_f64(), true);
        n += m.n;
        s += m.centred_sq_sum(baseline);
    }
    (n, s)
}

/// Write the advantages of consecutive groups; true if a group held a NaN or an infinity.
#[inline(always)]
fn write_groups<T: Reward>(
    r: &[T],
    o: &mut [T],
    size: usize,
    opts: &Options,
    batch_div: f64,
) -> bool {
    let mut dirty = false;
    for (grp, dst) in r.chunks_exact(size).zip(o.chunks_exact_mut(size)) {
        if !fast_group(grp, dst, opts, batch_div) {
            let get = |i: usize| grp[i].to_f64();
            let m = Moments::of(size, get);
            dirty |= !m.nan_free;
            m.write(size, get, |i, a| dst[i] = a, opts, batch_div);
        }
    }
    dirty
}

/// The advantages of one group whose rewards are all finite, written with plain iterators so the
/// compiler can vectorise; false (nothing written) when the group needs the general path (a NaN
/// or an infinity, or eps = 0 with a zero std). Same arithmetic as `Moments` + `write`.
#[inline(always)]
fn fast_group<T: Reward>(grp: &[T], dst: &mut [T], opts: &Options, batch_div: f64) -> bool {
    let n = grp.len();
    let pivot = grp[0].to_f64();
    let sum4 = |f: &dyn Fn(f64) -> f64| {
        let mut acc = [0.0f64; 4];
        let mut quads = grp.chunks_exact(4);
        for q in &mut quads {
            for (a, x) in acc.iter_mut().zip(q) {
                *a += f(x.to_f64());
            }
        }
        let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
        for x in quads.remainder() {
            s += f(x.to_f64());
        }
        s
    };
    let dsum = sum4(&|x| x - pivot);
    if !dsum.is_finite() {
        return false;
    }
    if n < 2 {
        dst.fill(T::from_f64(0.0));
        return true;
    }
    let dmean = dsum / n as f64;
    let mult = match opts.baseline {
        Baseline::Mean => 1.0,
        Baseline::LeaveOneOut => n as f64 / (n - 1) as f64,
    };
    let k = match opts.scale {
        Scale::None => mult,
        Scale::Batch => mult / batch_div,
        Scale::Group => {
            let m2 = sum4(&|x| {
                let d = (x - pivot) - dmean;
                d * d
            });
            mult / ((m2 / (n - 1) as f64).sqrt() + opts.eps)
        }
    };
    if !k.is_finite() {
        return false;
    }
    for (x, d) in grp.iter().zip(dst.iter_mut()) {
        *d = T::from_f64(((x.to_f64() - pivot) - dmean) * k);
    }
    true
}

/// Call `$f` with `$size` as a literal for common group sizes, so that after inlining the
/// compiler unrolls and vectorises the per-group loops; any other size takes the generic path.
macro_rules! with_size {
    ($size:expr, |$s:ident| $body:expr) => {
        match $size {
            2 => {
                let $s = 2;
                $body
            }
            4 => {
                let $s = 4;
                $body
            }
            8 => {
                let $s = 8;
                $body
            }
            16 => {
                let $s = 16;
                $body
            }
            32 => {
                let $s = 32;
                $body
            }
            64 => {
                let $s = 64;
                $body
            }
            other => {
                let $s = other;
                $body
            }
        }
    };
}

/// Returns true if some group held a NaN or an infinity (so the caller checks for infinities).
fn contiguous_advantages<T: Reward>(
    rewards: &[T],
    size: usize,
    opts: &Options,
    out: &mut [T],
) -> bool {
    if rewards.is_empty() {
        return false;
    }
    // Chunks of whole groups, so each chunk is independent.
    let chunk = size * (PARALLEL_THRESHOLD / 8 / size).max(1);
    let parallel = rewards.len() >= PARALLEL_THRESHOLD;

    let batch_div = if opts.scale == Scale::Batch {
        let sums = |r: &[T]| with_size!(size, |s| sq_sums(r, s, opts.baseline));
        let (n, s) = if parallel {
            rewards
                .par_chunks(chunk)
                .map(sums)
                .reduce(|| (0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1))
        } else {
            sums(rewards)
        };
        batch_std(n, s) + opts.eps
    } else {
        1.0
    };

    let write = |r: &[T], o: &mut [T]| with_size!(size, |s| write_groups(r, o, s, opts, batch_div));
    if parallel {
        rewards
            .par_chunks(chunk)
            .zip(out.par_chunks_mut(chunk))
            .map(|(r, o)| write(r, o))
            .reduce(|| false, |a, b| a | b)
    } else {
        write(rewards, out)
    }
}

fn batch_std(n: usize, sq_sum: f64) -> f64 {
    if n < 2 {
        0.0
    } else {
        (sq_sum / (n - 1) as f64).sqrt()
    }
}

fn id_advantages<T: Reward>(rewards: &[T], groups: &IdGroups, opts: &Options, out: &mut [T]) {
    let n_groups = groups.ids.len();
    let moments: Vec<Moments> = (0..n_groups)
        .map(|g| {
            let idx = groups.members(g);
            let need_m2 = opts.scale != Scale::None;
            Moments::for_advantages(idx.len(), |i| rewards[idx[i]].to_f64(), need_m2)
        })
        .collect();
    let batch_div = if opts.scale == Scale::Batch {
        let n: usize = moments.iter().map(|m| m.n).sum();
        let s: f64 = moments
            .iter()
            .map(|m| m.centred_sq_sum(opts.baseline))
            .sum();
        batch_std(n, s) + opts.eps
    } else {
        1.0
    };
    for (g, m) in moments.iter().enumerate() {
        let idx = groups.members(g);
        m.write(
            idx.len(),
            |i| rewards[idx[i]].to_f64(),
            |i, a| out[idx[i]] = a,
            opts,
            batch_div,
        );
    }
}

/// Per-group statistics of `rewards`; groups in order of first appearance.
pub fn group_stats<T: Reward>(rewards: &[T], groups: Groups<'_>) -> Result<GroupStats> {
    check_finite(rewards)?;
    let mut stats = GroupStats::default();
    let mut add = |id: i64, m: Moments| {
        stats.group_ids.push(id);
        stats.mean.push(if m.n == 0 {
            f64::NAN
        } else {
            m.pivot + m.dmean
        });
        stats
            .std
            .push(if m.n < 2 { f64::NAN } else { m.sample_std() });
        stats.count.push(m.n as i64);
        stats.solve_none.push(m.n > 0 && m.max <= 0.0);
        stats.solve_all.push(m.n > 0 && m.min >= 1.0);
    };
    match groups {
        Groups::Contiguous(size) => {
            check_group_size(rewards.len(), size)?;
            for (g, grp) in rewards.chunks_exact(size).enumerate() {
                add(g as i64, Moments::of(size, |i| grp[i].to_f64()));
            }
        }
        Groups::Ids(ids) => {
            if ids.len() != rewards.len() {
                return Err(Error::InvalidInput(format!(
                    "group_ids has {} entries but rewards has {}",
                    ids.len(),
                    rewards.len()
                )));
            }
            let groups = IdGroups::new(ids);
            for (g, &id) in groups.ids.iter().enumerate() {
                let idx = groups.members(g);
                add(id, Moments::of(idx.len(), |i| rewards[idx[i]].to_f64()));
            }
        }
    }
    Ok(stats)
}

#[cfg(test)]
mod tests;
