//! When work runs: after the frame that shows a change, or in slices that
//! leave the browser a turn between them.

/// Runs `work` once the next frame is painted: a task queued from within the
/// frame. What a visitor does not see change at once waits for it, so the
/// frame that answers a tap comes sooner. (At build time nothing is clicked,
/// and there is no window: nothing runs.)
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(work, std::time::Duration::ZERO);
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = work;
    }
}

/// Long work cut into slices: [`TimeSlice::pause_when_long`] gives the
/// browser a turn (a tap, a frame) once a slice has taken
/// [`TimeSlice::LENGTH_MS`], so no slice is a long task, even on a slow phone.
pub struct TimeSlice {
    began: f64,
}

impl TimeSlice {
    /// How long a slice may run, in milliseconds: a fifth of the 50 ms after
    /// which a task counts as long, so that a phone four times slower than
    /// this machine stays under it too.
    pub const LENGTH_MS: f64 = 10.0;

    /// Starts the first slice.
    pub fn begin() -> TimeSlice {
        TimeSlice { began: now() }
    }

    /// Pauses for a task if this slice has run its length, then starts the next.
    pub async fn pause_when_long(&mut self) {
        if now() - self.began >= Self::LENGTH_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            self.began = now();
        }
    }
}

/// Milliseconds since some start: the page's clock in the browser; at build
/// time the work is not sliced, so any steady clock would do, and 0 says so.
fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
