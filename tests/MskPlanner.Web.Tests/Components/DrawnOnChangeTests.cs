using Microsoft.Extensions.Logging.Abstractions;

using MskPlanner.Sizing;
using MskPlanner.Web.Components.Planner;
using MskPlanner.Web.Planner;

namespace MskPlanner.Web.Tests.Components;

public class DrawnOnChangeTests : PlannerTestContext
{
    private const string Problem = "Average data in must be at least 0.001 MiB/s.";

    [Fact]
    public async Task A_message_that_comes_and_goes_within_one_round_trip_is_not_left_on_the_field()
    {
        await using var renderer = new HeldAcknowledgementRenderer(Services, NullLoggerFactory.Instance);
        var form = new PlannerForm { Request = new SizingRequest { AvgDataInMiBps = 10 } };
        Dictionary<string, object?> Field(Dictionary<string, string> errors) => new()
        {
            [nameof(InputEditor.Input)] = InputCatalog.AvgDataIn,
            [nameof(InputEditor.Form)] = form,
            [nameof(InputEditor.Errors)] = errors,
        };
        var field = await renderer.RenderAsync<InputEditor>(Field([]));
        await renderer.SetParametersAsync(field, Field(new() { [InputCatalog.AvgDataIn.Key] = Problem }));
        Assert.Contains(Problem, await renderer.ShownAsync(field));
        await renderer.SetParametersAsync(field, Field([]));
        Assert.DoesNotContain(Problem, await renderer.ShownAsync(field));

        // The page hands the field a message, then none, before the browser has acknowledged the first redraw.
        renderer.Hold();
        await renderer.SetParametersAsync(field, Field(new() { [InputCatalog.AvgDataIn.Key] = Problem }));
        await renderer.SetParametersAsync(field, Field([]));
        await renderer.AcknowledgeAsync();

        Assert.DoesNotContain(Problem, await renderer.ShownAsync(field));
    }
}
