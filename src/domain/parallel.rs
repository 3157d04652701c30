//! Work over many deals on every core: the red flags and the action list of
//! 10,000 deals are independent per deal, and a 2-core laptop halves the
//! wait. Results keep the input's order.

/// `f` over every item (with its index), results concatenated in order.
/// Small inputs stay on the calling thread.
pub fn flat_map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> Vec<R> + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 || items.len() < 1024 {
        return items
            .iter()
            .enumerate()
            .flat_map(|(i, x)| f(i, x))
            .collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                s.spawn(move || {
                    part.iter()
                        .enumerate()
                        .flat_map(|(i, x)| f(c * chunk + i, x))
                        .collect::<Vec<R>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn order_is_kept_across_threads() {
        let items: Vec<usize> = (0..5000).collect();
        let out = super::flat_map(&items, |i, x| vec![(i, *x * 2)]);
        assert_eq!(out.len(), 5000);
        assert!(
            out.iter()
                .enumerate()
                .all(|(n, (i, v))| n == *i && *v == n * 2)
        );
    }
}
