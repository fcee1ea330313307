//! Work shared out over the cores, for the stages whose pieces are independent: converting
//! path items, emitting and rendering files, building pages, reading the output folder.
//!
//! Results always come back in index order, so what a stage produces cannot depend on which
//! core finished first. The [`Schedule`] exists so that tests can prove it: the same spec
//! generated with one worker, with several, and with the pieces taken in another order gives
//! the same bytes.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// How the stages that run on several cores share out their pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Schedule {
    /// How many workers at most; `None` is one per core.
    pub workers: Option<usize>,
    /// The order in which workers take the pieces.
    pub order: Order,
}

/// The order in which the pieces of a stage are taken up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// First to last: the order that suits the stages (large pieces are put first).
    #[default]
    Forward,
    /// Last to first.
    Reverse,
    /// Odd indices first, then even ones: neighbours run far apart.
    Interleaved,
}

thread_local! {
    static CURRENT: Cell<Schedule> = const { Cell::new(Schedule { workers: None, order: Order::Forward }) };
}

/// Runs `f` with `schedule` governing every [`map_indices`] it calls on this thread.
pub fn with_schedule<R>(schedule: Schedule, f: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|current| current.replace(schedule));
    // Put back even if `f` panics, so a caught panic leaves the thread as it was.
    struct Restore(Schedule);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|current| current.set(self.0));
        }
    }
    let _restore = Restore(before);
    f()
}

/// `f(0)`, `f(1)`, … `f(n - 1)`, returned in that order, computed by the workers of the
/// current [`Schedule`] (the calling thread being one of them), each taking the next piece
/// from a shared counter: a piece that takes long holds up one core, not a fixed share of the
/// work.
pub fn map_indices<R: Send>(n: usize, f: impl Fn(usize) -> R + Sync) -> Vec<R> {
    let schedule = CURRENT.with(Cell::get);
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    let workers = schedule.workers.unwrap_or(cores).max(1).min(n);
    let piece = |k: usize| match schedule.order {
        Order::Forward => k,
        Order::Reverse => n - 1 - k,
        Order::Interleaved => {
            let odd = n / 2;
            if k < odd {
                2 * k + 1
            } else {
                2 * (k - odd)
            }
        }
    };
    if workers <= 1 {
        let mut results: Vec<(usize, R)> = (0..n).map(|k| (piece(k), f(piece(k)))).collect();
        results.sort_unstable_by_key(|(i, _)| *i);
        return results.into_iter().map(|(_, r)| r).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= n {
                return done;
            }
            let i = piece(k);
            done.push((i, f(i)));
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(
                helper
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        all
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// `f(0, items[0])`, `f(1, items[1])`, … in that order, each item moved into its call, computed
/// as [`map_indices`] computes: for pieces that are values to consume (a document's parts),
/// without cloning them.
pub fn map_owned<T: Send, R: Send>(items: Vec<T>, f: impl Fn(usize, T) -> R + Sync) -> Vec<R> {
    // Each piece in a slot of its own, taken out by the one worker that draws its index.
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    map_indices(slots.len(), |i| {
        let item = slots[i]
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take()
            .expect("each index is drawn once");
        f(i, item)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_index_order_under_every_schedule() {
        let expected: Vec<usize> = (0..1000).map(|i| i * i).collect();
        let orders = [Order::Forward, Order::Reverse, Order::Interleaved];
        for workers in [None, Some(1), Some(2), Some(5)] {
            for order in orders {
                for n in [0, 1, 2, 3, 1000] {
                    let schedule = Schedule { workers, order };
                    let squares = with_schedule(schedule, || map_indices(n, |i| i * i));
                    assert_eq!(squares, expected[..n], "{schedule:?}, {n} pieces");
                }
            }
        }
    }

    #[test]
    fn owned_pieces_come_back_in_index_order_under_every_schedule() {
        for workers in [None, Some(1), Some(2), Some(5)] {
            for order in [Order::Forward, Order::Reverse, Order::Interleaved] {
                let items: Vec<String> = (0..100).map(|i| i.to_string()).collect();
                let schedule = Schedule { workers, order };
                let out = with_schedule(schedule, || map_owned(items, |i, s| format!("{i}:{s}")));
                let expected: Vec<String> = (0..100).map(|i| format!("{i}:{i}")).collect();
                assert_eq!(out, expected, "{schedule:?}");
            }
        }
    }

    #[test]
    fn every_order_takes_each_piece_once() {
        for order in [Order::Forward, Order::Reverse, Order::Interleaved] {
            for n in 0..9 {
                let taken = std::sync::Mutex::new(Vec::new());
                let schedule = Schedule {
                    workers: Some(1),
                    order,
                };
                with_schedule(schedule, || {
                    map_indices(n, |i| taken.lock().unwrap().push(i));
                });
                let mut taken = taken.into_inner().unwrap();
                if order != Order::Forward && n > 1 {
                    assert_ne!(taken, (0..n).collect::<Vec<_>>(), "{order:?} {n}");
                }
                taken.sort_unstable();
                assert_eq!(taken, (0..n).collect::<Vec<_>>(), "{order:?} {n}");
            }
        }
    }
}
