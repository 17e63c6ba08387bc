//! A list that keeps only the rows near the viewport in the document, so a corpus of
//! any size costs a few hundred DOM nodes. Rows stay in normal flow between two
//! spacers whose heights stand for the rows left out; row heights are estimates,
//! and the overscan absorbs the difference.

use std::rc::Rc;

use yew::prelude::*;

use super::{browser, ByAddress};

/// Pixels rendered beyond each edge of the viewport.
const OVERSCAN_PX: u64 = 1000;

#[derive(Properties, PartialEq)]
pub struct VirtualListProps {
    /// Estimated height of each row, in pixels.
    pub heights: ByAddress<Vec<u32>>,
    /// Renders row `i`.
    pub row: Callback<usize, Html>,
    pub class: Classes,
    pub label: AttrValue,
}

/// The rows whose estimated extent meets `top..bottom` (pixels from the list's start).
pub fn visible_rows(offsets: &[u64], top: u64, bottom: u64) -> std::ops::Range<usize> {
    let rows = offsets.len().saturating_sub(1);
    let first = offsets.partition_point(|&o| o <= top).saturating_sub(1).min(rows);
    let end = offsets.partition_point(|&o| o < bottom).min(rows);
    first..end.max(first)
}

#[function_component(VirtualList)]
pub fn virtual_list(props: &VirtualListProps) -> Html {
    // offsets[i] is where row i starts; offsets[n] is the total height.
    let offsets: Rc<Vec<u64>> = use_memo(props.heights.clone(), |heights| {
        std::iter::once(0)
            .chain(heights.0.iter().scan(0u64, |sum, &h| {
                *sum += u64::from(h);
                Some(*sum)
            }))
            .collect()
    });
    // The first render covers one window's height: what is below it waits for the scroll
    // listener, so the first view paints sooner.
    let range = use_state(|| visible_rows(&offsets, 0, browser::viewport_height() + OVERSCAN_PX));
    let list = use_node_ref();
    let (top_spacer, bottom_spacer) = (use_node_ref(), use_node_ref());

    {
        // Follow scrolling and resizing; recompute at once when the rows change.
        let (range, list, offsets) = (range.clone(), list.clone(), offsets.clone());
        use_effect_with(offsets.clone(), move |_| {
            let update = move || {
                let Some(element) = list.cast::<web_sys::Element>() else { return };
                let (top, viewport) = browser::viewport_position(&element);
                let from = (-top).max(0.0) as u64;
                let next = visible_rows(
                    &offsets,
                    from.saturating_sub(OVERSCAN_PX),
                    from + viewport as u64 + OVERSCAN_PX,
                );
                if *range != next {
                    range.set(next);
                }
            };
            update();
            let listener = browser::on_window(&["scroll", "resize"], update);
            move || {
                let _unsubscribes_on_drop = listener;
            }
        });
    }
    {
        let (top_spacer, bottom_spacer, offsets) =
            (top_spacer.clone(), bottom_spacer.clone(), offsets.clone());
        let rows = props.heights.0.len();
        let shown = range.start.min(rows)..range.end.min(rows);
        use_effect(move || {
            let total = offsets.last().copied().unwrap_or(0);
            if let Some(el) = top_spacer.cast::<web_sys::HtmlElement>() {
                browser::set_height(&el, offsets.get(shown.start).copied().unwrap_or(0));
            }
            if let Some(el) = bottom_spacer.cast::<web_sys::HtmlElement>() {
                browser::set_height(&el, total - offsets.get(shown.end).copied().unwrap_or(total));
            }
        });
    }
    // Until the effect measures again, the last window may reach past a shorter list.
    let rows = props.heights.0.len();
    let shown = range.start.min(rows)..range.end.min(rows);
    html! {
        <div ref={list} class="virtual">
            <div ref={top_spacer} aria-hidden="true"></div>
            <ol class={props.class.clone()} aria-label={props.label.clone()}>
                { for shown.map(|i| props.row.emit(i)) }
            </ol>
            <div ref={bottom_spacer} aria-hidden="true"></div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::visible_rows;

    #[test]
    fn rows_meeting_the_window_are_shown() {
        let offsets = [0, 100, 200, 300, 400];
        assert_eq!(visible_rows(&offsets, 0, 150), 0..2);
        assert_eq!(visible_rows(&offsets, 150, 250), 1..3);
        assert_eq!(visible_rows(&offsets, 350, 10_000), 3..4);
        assert_eq!(visible_rows(&offsets, 5_000, 6_000), 4..4);
        assert_eq!(visible_rows(&[0], 0, 100), 0..0);
    }
}
