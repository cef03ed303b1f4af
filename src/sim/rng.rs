//! The seeded random streams, one per purpose, so that adding a draw in one part of the model
//! does not shift the numbers every other part sees.

use bevy::prelude::*;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

/// One ChaCha8 stream.
#[derive(Debug, Clone)]
pub struct Stream(ChaCha8Rng);

impl Stream {
    pub fn new(seed: u64, purpose: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(purpose);
        Stream(rng)
    }

    /// A uniform number in [0, 1), from the top 24 bits of one draw.
    #[inline]
    pub fn unit(&mut self) -> f32 {
        (self.0.next_u32() >> 8) as f32 * (1.0 / (1u32 << 24) as f32)
    }

    /// A uniform number in [0, 1) with 53 bits of precision.
    #[inline]
    pub fn unit_f64(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    #[inline]
    pub fn chance(&mut self, p: f32) -> bool {
        self.unit() < p
    }

    /// A uniform number in [lo, hi).
    #[inline]
    pub fn between(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    /// Four uniform numbers in [0, 1) from one 64-bit draw, 16 bits each; cheap noise for
    /// the per-customer drift, where resolution matters less than speed.
    #[inline]
    pub fn four(&mut self) -> [f32; 4] {
        let x = self.0.next_u64();
        let k = 1.0 / 65536.0;
        [
            (x & 0xffff) as f32 * k,
            ((x >> 16) & 0xffff) as f32 * k,
            ((x >> 32) & 0xffff) as f32 * k,
            (x >> 48) as f32 * k,
        ]
    }
}

/// A uniform number in [0, 1) from a hash of a seed, a purpose and an index: for draws that
/// must not take from (and so shift) any stream.
pub fn hashed_unit(seed: u64, purpose: u64, index: u64) -> f32 {
    let mut x = seed
        ^ purpose.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03);
    // splitmix64's finaliser
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    (x >> 40) as f32 * (1.0 / (1u64 << 24) as f32)
}

/// Symmetric noise in [-amplitude, amplitude] from a uniform number.
#[inline]
pub fn centred(u: f32, amplitude: f32) -> f32 {
    (u * 2.0 - 1.0) * amplitude
}

/// The random streams of one simulation, all derived from its seed.
#[derive(Resource, Debug, Clone)]
pub struct SimRng {
    /// Scripted and random barrier injections, sponsor turnover.
    pub events: Stream,
    /// Organic drift of the signals.
    pub drift: Stream,
    /// Outcomes of the trainee's actions (discovery, expansion pitches).
    pub actions: Stream,
    /// Lifecycle progress and business outcomes.
    pub lifecycle: Stream,
    /// Measurement noise in what the CSM sees.
    pub observation: Stream,
    /// Renewal decisions.
    pub renewals: Stream,
    /// Generated customers.
    pub generation: Stream,
    /// Inbound requests (the reactive load).
    pub requests: Stream,
}

impl SimRng {
    pub fn new(seed: u64) -> Self {
        SimRng {
            events: Stream::new(seed, 1),
            drift: Stream::new(seed, 2),
            actions: Stream::new(seed, 3),
            lifecycle: Stream::new(seed, 4),
            observation: Stream::new(seed, 5),
            renewals: Stream::new(seed, 6),
            generation: Stream::new(seed, 7),
            requests: Stream::new(seed, 8),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let mut a = SimRng::new(7);
        let mut b = SimRng::new(7);
        let xs: Vec<f32> = (0..8).map(|_| a.drift.unit()).collect();
        let ys: Vec<f32> = (0..8).map(|_| b.drift.unit()).collect();
        assert_eq!(xs, ys);
        let zs: Vec<f32> = (0..8).map(|_| b.events.unit()).collect();
        assert_ne!(xs, zs);
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
    }
}
