using System.Runtime.CompilerServices;

using Microsoft.Playwright;

namespace MskPlanner.EndToEnd.Tests;

internal static class PlaywrightDefaults
{
    /// <summary>
    /// Playwright's 5 s for an expectation is shorter than a circuit's start on a CI machine that runs every test
    /// assembly at once; a passing expectation still returns as soon as it holds.
    /// </summary>
    [ModuleInitializer]
    internal static void Apply() => Assertions.SetDefaultExpectTimeout(20_000);
}
