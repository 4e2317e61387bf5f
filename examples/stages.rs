//! Times each extraction stage over the generated corpus (a profiling aid, not a test).
use std::time::Instant;
fn main() {
    let arts = karabakh_atlas::bench::generate(16_000_000, 7);
    let mb = arts.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
    let t = Instant::now();
    let n: usize = arts
        .iter()
        .map(|a| karabakh_atlas::extract::triggers::find_triggers(&a.text).len())
        .sum();
    println!(
        "triggers   {:7.1} MB/s ({n})",
        mb / t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let n: usize = arts
        .iter()
        .map(|a| {
            karabakh_atlas::extract::gazetteer::GAZETTEER
                .find(&a.text)
                .len()
        })
        .sum();
    println!(
        "gazetteer  {:7.1} MB/s ({n})",
        mb / t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let n: usize = arts
        .iter()
        .map(|a| {
            karabakh_atlas::extract::layout::layout(&a.text)
                .sentences
                .len()
        })
        .sum();
    println!(
        "layout     {:7.1} MB/s ({n})",
        mb / t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let n: usize = arts
        .iter()
        .map(|a| karabakh_atlas::extract::dates::find_dates(&a.text).len())
        .sum();
    println!(
        "dates      {:7.1} MB/s ({n})",
        mb / t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let n: usize = arts
        .iter()
        .map(|a| karabakh_atlas::extract::extract_article(a).len())
        .sum();
    println!(
        "extract    {:7.1} MB/s ({n})",
        mb / t.elapsed().as_secs_f64()
    );
}
