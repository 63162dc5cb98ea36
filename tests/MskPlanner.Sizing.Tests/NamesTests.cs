namespace MskPlanner.Sizing.Tests;

public class NamesTests
{
    [Fact]
    public void Every_limit_has_its_own_key_label_and_phrase()
    {
        var texts = Enum.GetValues<LimitKind>().Select(Names.Of).ToList();

        Assert.Equal(texts.Count, texts.Select(t => t.Key).Distinct().Count());
        Assert.Equal(texts.Count, texts.Select(t => t.Label).Distinct().Count());
        Assert.Equal(texts.Count, texts.Select(t => t.Phrase).Distinct().Count());
        Assert.Equal(["ingress", "egress", "partitions", "storage", "provisionedThroughput"], texts.Select(t => t.Key));
    }

    [Fact]
    public void Every_family_has_the_api_key_the_contract_names()
    {
        Assert.Equal(["t3", "m5", "m7g", "express"], Enum.GetValues<BrokerFamily>().Select(Names.Key));
    }

    [Fact]
    public void A_value_without_a_row_is_refused_rather_than_given_another_values_words()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Names.Of((LimitKind)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => Names.Key((BrokerFamily)99));
    }
}
