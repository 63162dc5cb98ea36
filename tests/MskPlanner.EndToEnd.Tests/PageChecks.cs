using Microsoft.Playwright;

using MskPlanner.Testing;

namespace MskPlanner.EndToEnd.Tests;

/// <summary>What every page must pass: axe-core finds nothing serious or critical, and nothing scrolls sideways.</summary>
internal static class PageChecks
{
    private static readonly string Axe = Path.Combine(Repository.Root, "tests", "MskPlanner.EndToEnd.Tests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>The findings on the page as it is now; the page's context must bypass the app's CSP to take axe.</summary>
    public static async Task<IReadOnlyList<string>> FindingsAsync(IPage page, string address, int width, string label = "")
    {
        Assert.True(File.Exists(Axe), $"axe-core is missing: run 'npm ci --prefix tests/MskPlanner.EndToEnd.Tests' ({Axe}).");
        // Colours are checked as they settle: a button still fading from the light theme is not what users read.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        // A click's ripple is removed when its animation ends, which the style above stops: one still expanding would
        // stay over the page as a grey disc that no user sees.
        await page.EvaluateAsync("() => document.querySelectorAll('.mud-ripple-effect').forEach(e => e.remove())");
        await page.AddScriptTagAsync(new() { Path = Axe });
        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run()).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')} (${v.nodes[0].failureSummary})`)
            """);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var findings = violations.Select(v => $"{address} at {width} px{label}: {v}").ToList();
        if (scrollWidth > width)
        {
            // The innermost elements that reach past the edge, outside fixed ones: where to look for the cause.
            var culprits = await page.EvaluateAsync<string[]>("""
                (width) => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
                    // Fixed elements (the app bar) and what a scroll box holds do not widen the page; an absolute one
                    // placed from outside its scroll box does.
                    .filter(e => { const own = getComputedStyle(e).position; if (own === 'fixed') return false; for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { const style = getComputedStyle(p); if (style.position === 'fixed' || (style.overflowX !== 'visible' && own !== 'absolute')) return false; } return true; })
                    .slice(0, 3)
                    .map(e => { const name = n => `${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.classList.length ? '.' + [...n.classList].slice(0, 2).join('.') : ''}`; const parents = []; for (let p = e.parentElement; p && parents.length < 4; p = p.parentElement) parents.push(name(p)); return `${name(e)} in ${parents.join(' < ')} (right ${Math.round(e.getBoundingClientRect().right)})`; })
                """, width);
            findings.Add($"{address} at {width} px{label} scrolls sideways: {scrollWidth} px wide; past the edge: {string.Join(", ", culprits)}");
        }

        return findings;
    }
}
