//! Latency of suggestions for one flow once the indexes exist.
//!
//! `cargo bench --bench suggest_latency -- INSTANCE.json [SAMPLES]` loads an instance, builds
//! the spatial index once, then asks for the top 10 counterparts of SAMPLES flows spread
//! evenly over the offers and needs, and prints the median, 95th percentile and maximum.

use std::time::Instant;

use symbiose::bulk;
use symbiose::matching::Instance;
use symbiose::matching::candidates::Rules;
use symbiose::matching::index::SpatialIndex;
use symbiose::matching::suggest::{FlowRef, suggest};
use symbiose::storage::ExistingKeys;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: cargo bench --bench suggest_latency -- INSTANCE.json [SAMPLES]");
        std::process::exit(2);
    };
    let samples: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2000);
    let today = chrono::Local::now().date_naive();
    let mut batch = bulk::read_file(std::path::Path::new(path), today);
    let region = match bulk::check_batch(&mut batch, &ExistingKeys::default()) {
        Ok(region) => region,
        Err(problems) => {
            for problem in problems.iter().take(20) {
                eprintln!("{problem}");
            }
            std::process::exit(1);
        }
    };
    let instance = Instance::from_region(&region);
    drop(region);
    let started = Instant::now();
    let index = SpatialIndex::build(&instance);
    let build_s = started.elapsed().as_secs_f64();
    let rules = Rules {
        as_of: None,
        enforce_min_lot: true,
    };
    let mut micros = Vec::with_capacity(samples);
    let mut found = 0usize;
    for k in 0..samples {
        let flow = if k % 2 == 0 {
            let offers = instance.offers.len();
            FlowRef::Offer(&instance.offers[(k / 2 * 7919) % offers])
        } else {
            let needs = instance.needs.len();
            FlowRef::Need(&instance.needs[(k / 2 * 7919) % needs])
        };
        let t = Instant::now();
        found += suggest(&instance, &index, flow, rules, 10).len();
        micros.push(t.elapsed().as_secs_f64() * 1e6);
    }
    micros.sort_by(f64::total_cmp);
    let at = |q: f64| micros[((micros.len() - 1) as f64 * q) as usize];
    println!(
        "{{\"instance\": \"{path}\", \"firms\": {}, \"index_build_s\": {build_s:.3}, \"samples\": {samples}, \"suggestions\": {found}, \"median_us\": {:.1}, \"p95_us\": {:.1}, \"max_us\": {:.1}}}",
        instance.firms.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}
