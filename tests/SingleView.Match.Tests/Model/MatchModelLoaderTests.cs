using SingleView.Core.Configuration;
using SingleView.Match.Model;

namespace SingleView.Match.Tests.Model;

public class MatchModelLoaderTests
{
    private static string Yaml => File.ReadAllText(Path.Combine(RepositoryConfig.Directory, MatchModelLoader.FileName));

    [Test]
    public void LoadDirectory_RepositoryConfig_LoadsEveryComparisonAndTheNicknames()
    {
        var model = RepositoryConfig.Model;

        model.Levels.Count.ShouldBe(ComparisonLevels.All.Count);
        model.BlockingRules.ShouldNotBeEmpty();
        model.Nicknames.AreAliases("FREDDIE", "FREDERICK").ShouldBeTrue();
    }

    [Test]
    public void Parse_LevelMissing_NamesTheLevel()
    {
        var yaml = Yaml.Replace("    day_month_swapped: { m: 0.02, u: 0.0001 }\n", string.Empty, StringComparison.Ordinal);

        var error = Should.Throw<ConfigurationException>(() => MatchModelLoader.Parse("matching.yaml", yaml, NicknameTable.Empty));

        error.Field.ShouldBe("comparisons.date_of_birth.day_month_swapped");
    }

    [Test]
    public void Parse_ProbabilitiesNotSummingToOne_NamesTheComparison()
    {
        var yaml = Yaml.Replace("same: { m: 0.97, u: 0.5 }", "same: { m: 0.5, u: 0.5 }", StringComparison.Ordinal);

        var error = Should.Throw<ConfigurationException>(() => MatchModelLoader.Parse("matching.yaml", yaml, NicknameTable.Empty));

        error.Field.ShouldBe("comparisons.gender");
    }

    [Test]
    public void Parse_UnknownBlockingKey_NamesTheRule()
    {
        var yaml = Yaml.Replace("keys: [upn]", "keys: [shoe_size]", StringComparison.Ordinal);

        var error = Should.Throw<ConfigurationException>(() => MatchModelLoader.Parse("matching.yaml", yaml, NicknameTable.Empty));

        error.Field.ShouldBe("blocking_rules[1].keys");
        error.Message.ShouldContain("shoe_size");
    }

    [Test]
    public void Parse_ReviewAboveLink_IsRefused()
    {
        var yaml = Yaml.Replace("review_probability: 0.5", "review_probability: 0.999", StringComparison.Ordinal);

        Should.Throw<ConfigurationException>(() => MatchModelLoader.Parse("matching.yaml", yaml, NicknameTable.Empty))
            .Field.ShouldBe("thresholds.review_probability");
    }
}
