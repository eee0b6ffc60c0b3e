//! How far a build is: the stage it is in and, where a stage counts, how many of how many.
//! The build's threads move it on; whoever shows it (the CLI, on a terminal) reads it at its
//! own pace, so that a build never waits for its progress to be drawn.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

#[derive(Debug, Default)]
pub struct Progress {
    stage: Mutex<&'static str>,
    done: AtomicUsize,
    total: AtomicUsize,
}

/// A build's progress at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    /// What the build does now, in words ("rendering pages"); empty before it starts.
    pub stage: &'static str,
    pub done: usize,
    /// How many the stage counts; 0 when it does not count.
    pub total: usize,
}

impl Progress {
    /// Enters a stage that counts `total` things (0 for a stage that does not count).
    pub fn stage(&self, stage: &'static str, total: usize) {
        // Counts first: a reader that sees the new stage never sees the old stage's count.
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        *self
            .stage
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = stage;
    }

    /// One more thing of the stage done.
    pub fn advance(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> Snapshot {
        let stage = *self
            .stage
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let total = self.total.load(Ordering::Relaxed);
        Snapshot {
            stage,
            done: self.done.load(Ordering::Relaxed).min(total),
            total,
        }
    }
}

/// Moves `progress` on by one, where there is one.
pub(crate) fn advance(progress: Option<&Progress>) {
    if let Some(progress) = progress {
        progress.advance();
    }
}

/// Enters a stage of `progress`, where there is one.
pub(crate) fn stage(progress: Option<&Progress>, stage: &'static str, total: usize) {
    if let Some(progress) = progress {
        progress.stage(stage, total);
    }
}

impl Snapshot {
    /// The line a terminal shows: `rendering pages: 12,000 of 60,630 (19%)`, or the stage
    /// alone when it does not count; empty before the build starts.
    pub fn line(&self) -> String {
        if self.stage.is_empty() {
            return String::new();
        }
        if self.total == 0 {
            return format!("{}…", self.stage);
        }
        format!(
            "{}: {} of {} ({}%)",
            self.stage,
            thousands(self.done),
            thousands(self.total),
            self.done * 100 / self.total
        )
    }
}

/// `60630` as `60,630`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_says_the_stage_and_how_far_it_is() {
        let progress = Progress::default();
        assert_eq!(progress.snapshot().line(), "");
        progress.stage("reading the files", 0);
        assert_eq!(progress.snapshot().line(), "reading the files…");
        progress.stage("rendering pages", 60_630);
        for _ in 0..12_000 {
            progress.advance();
        }
        assert_eq!(
            progress.snapshot().line(),
            "rendering pages: 12,000 of 60,630 (19%)"
        );
        progress.stage("writing", 3);
        assert_eq!(progress.snapshot().line(), "writing: 0 of 3 (0%)");
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
