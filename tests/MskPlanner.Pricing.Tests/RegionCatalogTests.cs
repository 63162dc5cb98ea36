namespace MskPlanner.Pricing.Tests;

public class RegionCatalogTests
{
    [Fact]
    public void The_pickers_choices_are_built_once_and_name_each_region_by_code_and_name()
    {
        var catalog = new RegionCatalog();

        Assert.Same(catalog.Choices, catalog.Choices);
        Assert.Contains(("eu-west-1", "eu-west-1: Europe (Ireland)"), catalog.Choices);
        Assert.Equal(catalog.All.Select(r => r.Code), catalog.Choices.Select(c => c.Code));
    }

    [Fact]
    public void A_region_the_price_list_adds_joins_the_choices_in_code_order_under_its_code()
    {
        var catalog = new RegionCatalog();
        var before = catalog.Choices;

        catalog.Merge(["zz-test-9"]);

        Assert.NotSame(before, catalog.Choices);
        Assert.Equal(("zz-test-9", "zz-test-9: zz-test-9"), catalog.Choices[^1]);
        Assert.Equal(catalog.All.Select(r => r.Code), catalog.Choices.Select(c => c.Code));
    }
}
