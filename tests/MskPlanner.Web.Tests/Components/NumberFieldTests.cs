using Bunit;

using Microsoft.AspNetCore.Components;

using MskPlanner.Web.Components.Planner;

namespace MskPlanner.Web.Tests.Components;

/// <summary>The planner's number field on its own, with a parent that keeps what it sends, as the planner's form does.</summary>
public class NumberFieldTests : BunitContext
{
    private double? _value = 40;

    public NumberFieldTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Text_that_is_not_yet_a_number_stays_as_typed_and_says_so_without_changing_the_value()
    {
        var field = Field();

        field.Find("input#peak").Input("4x");

        Assert.Equal("4x", field.Find("input#peak").GetAttribute("value"));
        Assert.Equal("Not a number: type digits, such as 12.5.", field.Find("#peak-error").TextContent);
        Assert.Equal("true", field.Find("input#peak").GetAttribute("aria-invalid"));
        Assert.Equal("peak-error", field.Find("input#peak").GetAttribute("aria-describedby"));
        Assert.Equal(40, _value);
    }

    [Fact]
    public void A_number_in_scientific_notation_stays_as_written_while_the_form_takes_its_value()
    {
        var field = Field();

        field.Find("input#peak").Input("1.5e2");
        field.Render(Parameters);

        Assert.Equal(150, _value);
        Assert.Equal("1.5e2", field.Find("input#peak").GetAttribute("value"));
        Assert.Equal("peak-helper-text", field.Find("input#peak").GetAttribute("aria-describedby"));
    }

    [Fact]
    public void A_value_from_outside_replaces_the_text_and_its_typing_error()
    {
        var field = Field();
        field.Find("input#peak").Input("4x");

        _value = 75;
        field.Render(Parameters);

        Assert.Equal("75", field.Find("input#peak").GetAttribute("value"));
        Assert.Empty(field.FindAll("#peak-error"));
    }

    [Fact]
    public void The_sizings_message_for_the_field_shows_in_place_of_its_helper()
    {
        var field = Field(errors: new Dictionary<string, string> { ["peak"] = "Peak data in must be at least the average." });

        Assert.Equal("Peak data in must be at least the average.", field.Find("#peak-error").TextContent);
        Assert.Empty(field.FindAll("#peak-helper-text"));
    }

    [Fact]
    public void Clearing_an_optional_field_sends_no_value()
    {
        var field = Field();

        field.Find("button[aria-label=Clear]").Click();

        Assert.Null(_value);
        Assert.Equal("", field.Find("input#peak").GetAttribute("value"));
        Assert.Empty(field.FindAll("button[aria-label=Clear]"));
    }

    [Fact]
    public void The_field_takes_at_most_forty_characters()
    {
        var field = Field();

        Assert.Equal("40", field.Find("input#peak").GetAttribute("maxlength"));
    }

    [Fact]
    public void A_locked_field_cannot_be_typed_in_or_cleared()
    {
        var field = Field(locked: true);

        Assert.True(field.Find("input#peak").HasAttribute("disabled"));
        Assert.Empty(field.FindAll("button[aria-label=Clear]"));
    }

    private IRenderedComponent<NumberField<double?>> Field(IReadOnlyDictionary<string, string>? errors = null, bool locked = false) =>
        Render<NumberField<double?>>(p =>
        {
            Parameters(p);
            p.Add(f => f.Errors, errors ?? new Dictionary<string, string>());
            p.Add(f => f.Locked, locked);
        });

    private void Parameters(ComponentParameterCollectionBuilder<NumberField<double?>> p) => p
        .Add(f => f.Field, "peak")
        .Add(f => f.Label, "Peak data in")
        .Add(f => f.Unit, "MiB/s")
        .Add(f => f.Helper, "The busiest minute")
        .Add(f => f.Optional, true)
        .Add(f => f.Value, _value)
        .Add(f => f.ValueChanged, EventCallback.Factory.Create<double?>(this, v => _value = v));
}
