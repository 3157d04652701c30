//! Work over many deals on every core: the red flags and the action list of
//! 10,000 deals are independent per deal, and a 2-core laptop halves the
//! wait. Results keep the input's order.

/// `f` over every item (with its index), results concatenated in order.
/// Small inputs stay on the calling thread.
pub fn flat_map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> Vec<R> + Sync) -> Vec<R> {
    chunks(items, 1024, |start, part| {
        part.iter()
            .enumerate()
            .flat_map(|(i, x)| f(start + i, x))
            .collect::<Vec<R>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// `f` over one run of consecutive items per core (with the index of the
/// run's first item), in order; fewer than `min` items stay in one run on
/// the calling thread.
pub fn chunks<T: Sync, R: Send>(
    items: &[T],
    min: usize,
    f: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 || items.len() < min.max(threads) {
        return vec![f(0, items)];
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    // the workers write what this thread would (a flag's words)
    let locale = crate::i18n::locale();
    std::thread::scope(|s| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                s.spawn(move || {
                    crate::i18n::set(locale);
                    f(c * chunk, part)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
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

    #[test]
    fn runs_cover_every_item_once_in_order() {
        let items: Vec<usize> = (0..5001).collect();
        let runs = super::chunks(&items, 1024, |start, part| (start, part.to_vec()));
        assert!(!runs.is_empty());
        let mut next = 0;
        for (start, part) in runs {
            assert_eq!(start, next);
            assert_eq!(part, (next..next + part.len()).collect::<Vec<_>>());
            next += part.len();
        }
        assert_eq!(next, items.len());
        let small = super::chunks(&items[..10], 1024, |start, part| (start, part.len()));
        assert_eq!(small, vec![(0, 10)]);
    }
}
