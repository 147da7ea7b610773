package dev.flotilla.engine;

/**
 * The run report's look, inlined in its page so the page needs nothing else: no style sheet,
 * font or image from anywhere. The pictures' colors are here too, so the legends match them.
 */
final class RunReportStyle {

    static final String CSS = """
            :root { --ok: #1a7f37; --bad: #cf222e; --muted: #59636e; --line: #d1d9e0; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f3f5f8; color: #1f2328; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
                   "Liberation Sans", "DejaVu Sans", sans-serif; }
            main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 48px; }
            h1 { font-size: 24px; margin: 4px 0 2px; }
            h2 { font-size: 20px; margin: 0 0 4px; display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
            h3 { font-size: 15px; margin: 22px 0 8px; color: #31373d; }
            a { color: #0969da; }
            code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12.5px; }
            .run { color: var(--muted); margin: 0 0 14px; }
            .tiles { display: flex; gap: 12px; flex-wrap: wrap; margin: 0 0 16px; padding: 0; }
            .tile { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px; min-width: 120px; }
            .tile dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .tile dd { margin: 0; font-size: 24px; font-weight: 600; }
            .tile.bad dd { color: var(--bad); }
            .tile.good dd { color: var(--ok); }
            .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; margin: 0 0 18px; }
            .card.failures { border-left: 5px solid var(--bad); }
            .card.instance.failed { border-top: 5px solid var(--bad); }
            .card.instance.ok { border-top: 5px solid var(--ok); }
            .status { font-size: 13px; font-weight: 600; padding: 1px 9px; border-radius: 999px; white-space: nowrap; }
            .status.ok { background: #dafbe1; color: var(--ok); }
            .status.failed { background: #ffebe9; color: var(--bad); }
            .instance-id { color: var(--muted); font-weight: 400; font-size: 14px; }
            .facts { color: var(--muted); margin: 0; }
            .start-failure { background: #ffebe9; border: 1px solid #ffcecb; border-radius: 6px; padding: 8px 12px; margin: 10px 0 0;
                             white-space: pre-wrap; }
            ul.plain { list-style: none; padding: 0; margin: 0; }
            ul.plain li { padding: 2px 0; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
            th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
            td.outcome { white-space: pre-wrap; word-break: break-word; }
            tr.failed td.result, .failed-text { color: var(--bad); font-weight: 600; }
            .good-text { color: var(--ok); }
            tr.passed td.result { color: var(--ok); font-weight: 600; }
            details { margin-top: 10px; }
            summary { cursor: pointer; color: var(--muted); }
            .figure { overflow-x: auto; }
            svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
            svg.topology .service rect { fill: #fff; stroke: #3f7fd6; stroke-width: 1.6; }
            svg.topology .service.failed rect { fill: #ffebe9; stroke: var(--bad); stroke-width: 2.2; }
            svg.topology .service.called-off rect { fill: #f6f8fa; stroke: #8c959f; stroke-dasharray: 5 4; }
            svg.topology .service a:hover rect { stroke-width: 2.6; }
            svg.topology .name { font-size: 14px; font-weight: 600; fill: #1f2328; }
            svg.topology .image, svg.topology .ports { font-size: 12px; fill: var(--muted);
                             font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; }
            svg.topology .badge { font-size: 11px; font-weight: 700; fill: var(--bad); text-transform: uppercase; }
            svg.topology .called-off .badge { fill: var(--muted); }
            svg.topology .dependency { fill: none; stroke: #6e7781; stroke-width: 1.6; }
            svg.topology .arrowhead { fill: #6e7781; }
            svg.timeline .lane { fill: #fff; }
            svg.timeline .lane.even { fill: #f6f8fa; }
            svg.timeline .grid { stroke: #e3e8ee; stroke-width: 1; }
            svg.timeline .tick, svg.timeline .break-label { font-size: 11px; fill: var(--muted); }
            svg.timeline .break-label { font-style: italic; }
            svg.timeline rect.break { fill: #eef1f4; stroke: #c9d1d9; stroke-dasharray: 3 3; }
            svg.timeline .lane-label { font-size: 13px; font-weight: 600; fill: #1f2328; }
            svg.timeline .lane-label.failed { fill: var(--bad); }
            svg.timeline .lane-label.called-off { fill: var(--muted); }
            svg.timeline .lane-note { font-size: 12px; fill: var(--muted); font-style: italic; }
            svg.timeline .bar-label { font-size: 11px; fill: #fff; font-weight: 600; pointer-events: none; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -1px; margin: 0 4px 0 12px; }
            .swatch.tri { width: 0; height: 0; border-radius: 0; border-left: 5px solid transparent; border-right: 5px solid transparent;
                          border-top: 9px solid; background: none !important; }
            .images .fill, .swatch.images { fill: #a5afbd; background: #a5afbd; }
            .create .fill, .swatch.create { fill: #7fb0ec; background: #7fb0ec; }
            .start .fill, .swatch.start { fill: #2f6fcb; background: #2f6fcb; }
            .ready .fill, .swatch.ready { fill: #2e9b5d; background: #2e9b5d; }
            .remove .fill, .swatch.remove { fill: #8d6fd1; background: #8d6fd1; }
            .other .fill, .swatch.other { fill: #bf8700; background: #bf8700; }
            .bar.failed .fill, .swatch.failed { fill: var(--bad); background: var(--bad); }
            .bar.failed .fill { stroke: #82071e; stroke-width: 1.5; }
            .bar.called-off .fill, .swatch.called-off { fill: #d0d7de; background: #d0d7de; }
            .bar.called-off .bar-label { fill: #424a53; }
            .event line { stroke-width: 1.5; }
            .event.create line, .event.create path { stroke: #59636e; fill: #59636e; }
            .event.start line, .event.start path { stroke: #0b5d2a; fill: #0b5d2a; }
            .event.die line, .event.die path { stroke: #a40e26; fill: #a40e26; }
            .event.destroy line, .event.destroy path { stroke: #1f2328; fill: #1f2328; }
            .swatch.tri.create { color: #59636e; } .swatch.tri.start { color: #0b5d2a; }
            .swatch.tri.die { color: #a40e26; } .swatch.tri.destroy { color: #1f2328; }
            .moment line { stroke-dasharray: 4 3; stroke-width: 1.2; }
            .moment.ready line { stroke: var(--ok); } .moment.removed line { stroke: #8d6fd1; }
            .moment text { font-size: 11px; fill: var(--muted); }
            .legend { color: var(--muted); font-size: 12.5px; margin: 6px 0 0; }
            .legend .swatch:first-child { margin-left: 0; }
            .note { color: var(--muted); font-size: 12.5px; margin: 4px 0 0; }
            footer { color: var(--muted); font-size: 12px; text-align: center; }
            """;

    private RunReportStyle() {
    }
}
