//! `cargo bench --bench store`: load + validate and save of synthetic
//! workspaces of 1,000 and 10,000 opportunities (and the demo), against
//! Python's `json.load` of the same file, with peak heap memory.
//!
//! A plain harness (no criterion): each figure is the median of several
//! runs, printed as a Markdown table for BENCHMARKS.md.
//! `FUNNEL_BENCH_SAVE_ONLY=1` runs only the second table (save after an edit).

use funnel::domain::Date;
use funnel::store::{self, Store};
use std::alloc::{GlobalAlloc, Layout, System};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live heap bytes and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new) };
        if !q.is_null() {
            if new > layout.size() {
                let now =
                    LIVE.fetch_add(new - layout.size(), Ordering::Relaxed) + new - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new, Ordering::Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

/// Median seconds of Python's `json.load` on `path` (open and read included,
/// as in our load), or None when python3 is not there.
fn python_json_load(path: &std::path::Path, runs: usize) -> Option<Duration> {
    let script = format!(
        "import json, time, statistics\n\
         ts = []\n\
         for _ in range({runs}):\n\
         \x20   t = time.perf_counter()\n\
         \x20   with open({path:?}, encoding='utf-8') as f: json.load(f)\n\
         \x20   ts.append(time.perf_counter() - t)\n\
         print(statistics.median(ts))\n",
        path = path.display().to_string()
    );
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .output()
        .ok()?;
    let secs: f64 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
    Some(Duration::from_secs_f64(secs))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    // `cargo test --benches` runs bench binaries with --test-ish flags; the
    // figures only make sense in an optimised `cargo bench` run.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let today = Date::parse("2026-11-23").unwrap();
    let dir = tempfile::tempdir().unwrap();
    if std::env::var_os("FUNNEL_BENCH_SAVE_ONLY").is_some() {
        save_after_an_edit(today, dir.path());
        return;
    }
    println!(
        "| workspace | file | load + validate | python json.load | ratio | save (steady) | first save (+ backup) | peak heap during load |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let demo = funnel::store::demo::workspace(today);
    let cases = [
        ("demo (25)", demo, 50),
        (
            "synthetic 1,000",
            funnel::synth::workspace(1_000, 42, today),
            15,
        ),
        (
            "synthetic 10,000",
            funnel::synth::workspace(10_000, 42, today),
            7,
        ),
    ];
    for (name, ws, runs) in cases {
        let path = dir
            .path()
            .join(format!("{}.json", name.replace([' ', ',', '(', ')'], "")));
        let data = dir.path().join("data");
        drop(Store::create(&path, &ws, &data).unwrap());
        let size = std::fs::metadata(&path).unwrap().len() as usize;

        let load = time(runs, || store::read(&path).unwrap());

        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let parsed = store::read(&path).unwrap();
        let peak = PEAK.load(Ordering::Relaxed) - base;
        drop(parsed);

        let py = python_json_load(&path, runs);
        let ratio = py.map_or("n/a".to_owned(), |p| {
            format!("{:.2}×", load.as_secs_f64() / p.as_secs_f64())
        });

        let (mut store, loaded) = Store::open(&path, &data).unwrap();
        let start = Instant::now();
        store.save(&loaded).unwrap();
        let first_save = start.elapsed();
        let save = time(runs, || store.save(&loaded).unwrap());

        println!(
            "| {name} | {} | {} | {} | {ratio} | {} | {} | {} ({:.2}× file) |",
            mib(size),
            ms(load),
            py.map_or("n/a".to_owned(), ms),
            ms(save),
            ms(first_save),
            mib(peak),
            peak as f64 / size as f64
        );
    }
    save_after_an_edit(today, dir.path());
}

static SAVING: Mutex<()> = Mutex::new(());
static UNWRITTEN: AtomicUsize = AtomicUsize::new(0);

/// What the workbench does: one deal edited, the delta handed to the saver
/// thread, until the file is on disk (splice, hash, backup check, temp
/// file, fsync, compare-and-swap, fsync of the folder); against a full
/// serialisation of the same workspace, the old whole save, and the floor:
/// writing and syncing the same bytes, nothing else.
fn save_after_an_edit(today: Date, dir: &std::path::Path) {
    use funnel::domain::Stage;
    use funnel::domain::change::Change;
    use funnel::store::incremental::{Delta, Records};
    use funnel::store::saver::{Report, Saver};
    println!();
    println!(
        "| workspace | save after an edit (saver) | write + fsync alone | splice into one buffer | full serialise | whole save (`Store::save`) |"
    );
    println!("|---|---|---|---|---|---|");
    for n in [1_000usize, 10_000] {
        let path = dir.join(format!("edit{n}.json"));
        let data = dir.join("data");
        drop(Store::create(&path, &funnel::synth::workspace(n, 42, today), &data).unwrap());
        let (store, mut ws) = Store::open(&path, &data).unwrap();
        let mut records = Records::of(&ws);
        let mut saver = Saver::spawn(store, &SAVING, &UNWRITTEN);
        saver.wait();
        let mut i = 0;
        let mut edit = |ws: &mut funnel::domain::Workspace| {
            i += 1;
            let index = (i * 7919) % ws.opportunities.len();
            let mut o = ws.opportunities[index].clone();
            o.stage = if o.stage == Stage::Close {
                Stage::Drive
            } else {
                Stage::Close
            };
            o.notes = format!("edit {i}");
            let change = Change::new("bench").replace_opportunity(ws, index, o);
            change.apply(ws);
            let mut delta = Delta::default();
            delta.record(&change, false);
            delta.take(ws)
        };
        // until the saver says "saved" (the file synced and swapped in, the
        // folder synced): what the status line waits for; the old file's
        // removal after it is left out, but waited for before the next edit
        let saves = median(
            (0..9)
                .map(|_| {
                    let start = Instant::now();
                    let delta = edit(&mut ws);
                    saver.save(delta);
                    while let Some(r) = saver.next_report() {
                        match r {
                            Report::Saved => break,
                            Report::Failed { why, .. } => panic!("{why}"),
                            _ => {}
                        }
                    }
                    let took = start.elapsed();
                    saver.wait();
                    took
                })
                .collect(),
        );
        let splice = time(9, || {
            records.apply(edit(&mut ws));
            records.bytes()
        });
        let full = time(5, || store::to_json_bytes(&ws));
        // the floor: the same bytes written and synced, nothing else
        let bytes = records.bytes();
        let floor = time(5, || {
            use std::io::Write;
            let mut f = std::fs::File::create(dir.join("floor.json")).unwrap();
            f.write_all(&bytes).unwrap();
            f.sync_all().unwrap();
        });
        drop(saver);
        let (mut store, ws) = Store::open(&path, &data).unwrap();
        let whole = time(5, || store.save(&ws).unwrap());
        println!(
            "| synthetic {n} | {} | {} | {} | {} | {} |",
            ms(saves),
            ms(floor),
            ms(splice),
            ms(full),
            ms(whole)
        );
    }
}
