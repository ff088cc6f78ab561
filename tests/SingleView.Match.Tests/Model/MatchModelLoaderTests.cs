using SingleView.Core.Configuration;
using SingleView.Match.Model;

namespace SingleView.Match.Tests.Model;

public class MatchModelLoaderTests
{
    private static string Yaml => File.ReadAllText(Path.Combine(RepositoryConfig.Directory, MatchModelLoader.FileName));

    private static ConfigurationException Refused(string yaml) =>
        Should.Throw<ConfigurationException>(() => MatchModelLoader.Parse("matching.yaml", yaml, NicknameTable.Empty));

    [Test]
    public void LoadConfiguredDirectory_RepositoryConfig_LoadsComparisonsRulesAndNicknames()
    {
        var model = MatchModelLoader.LoadConfiguredDirectory(RepositoryConfig.Directory);

        model.Comparisons.Select(c => c.Name).ShouldBe(["first_name", "family_name", "date_of_birth", "gender", "address", "city", "email", "nhs_number", "upn", "case_person_id", "identifiers"]);
        model.BlockingRules.ShouldNotBeEmpty();
        model.TrainingBlockingRules.Length.ShouldBeGreaterThanOrEqualTo(2);
        model.Nicknames.AreAliases("FREDDIE", "FREDERICK").ShouldBeTrue();
    }

    [Test]
    public void Parse_UnknownLevelKind_NamesComparisonLevelAndLine()
    {
        var yaml = Yaml.Replace("kind: day_month_swapped", "kind: moon_phase", StringComparison.Ordinal);

        var error = Refused(yaml);

        error.Field.ShouldStartWith("comparisons[date_of_birth].levels[day_month_swapped].kind (line ");
        error.Message.ShouldContain("moon_phase");
    }

    [Test]
    public void Parse_KindThatDoesNotSuitTheColumn_IsRefused()
    {
        var yaml = Yaml.Replace("{ name: day_month_swapped, kind: day_month_swapped,", "{ name: day_month_swapped, kind: nickname,", StringComparison.Ordinal);

        Refused(yaml).Problem.ShouldContain("does not apply to column DateOfBirth");
    }

    [Test]
    public void Parse_LastLevelNotElse_IsRefused()
    {
        var yaml = Yaml.Replace("{ name: different, kind: else, m: 0.03, u: 0.5 }", "{ name: different, kind: exact, m: 0.03, u: 0.5 }", StringComparison.Ordinal);

        Refused(yaml).Field.ShouldStartWith("comparisons[gender].levels[different].kind");
    }

    [Test]
    public void Parse_JaroWinklerWithoutThreshold_IsRefused()
    {
        var yaml = Yaml.Replace("kind: jaro_winkler, threshold: 0.92, m: 0.03,", "kind: jaro_winkler, m: 0.03,", StringComparison.Ordinal);

        Refused(yaml).Field.ShouldStartWith("comparisons[first_name].levels[jaro_winkler_92].threshold");
    }

    [Test]
    public void Parse_ProbabilitiesNotSummingToOne_NamesTheComparison()
    {
        var yaml = Yaml.Replace("{ name: same, kind: exact, m: 0.97, u: 0.5 }", "{ name: same, kind: exact, m: 0.5, u: 0.5 }", StringComparison.Ordinal);

        Refused(yaml).Field.ShouldStartWith("comparisons[gender]");
    }

    [Test]
    public void Parse_UnknownBlockingKey_NamesTheRule()
    {
        var yaml = Yaml.Replace("keys: [upn]", "keys: [shoe_size]", StringComparison.Ordinal);

        var error = Refused(yaml);

        error.Field.ShouldStartWith("blocking_rules[1].keys");
        error.Message.ShouldContain("shoe_size");
    }

    [Test]
    public void Parse_ReviewAboveLink_IsRefused()
    {
        var yaml = Yaml.Replace("review_probability: 0.9", "review_probability: 0.9999", StringComparison.Ordinal);

        Refused(yaml).Field.ShouldStartWith("thresholds.review_probability");
    }

    [Test]
    public void Apply_ParametersNamingAnUnknownLevel_SaysRetrain()
    {
        var model = MatchModelLoader.Parse("matching.yaml", Yaml, NicknameTable.Empty);
        const string parameters = "comparisons:\n  first_name:\n    telepathy: { m: 0.5, u: 0.5 }\n";

        var error = Should.Throw<ConfigurationException>(() => MatchParametersFile.Apply(model, "match-parameters.yaml", parameters));

        error.Problem.ShouldContain("singleview train");
    }

    [Test]
    public void Apply_TrainedLevel_OverridesMAndUButNotFixedOnes()
    {
        var model = MatchModelLoader.Parse("matching.yaml", Yaml, NicknameTable.Empty);
        const string parameters = "prior_match_probability: 0.0002\ncomparisons:\n  gender:\n    same: { m: 0.9, u: 0.45 }\n  nhs_number:\n    exact: { m: 0.5, u: 0.5 }\n";

        var trained = MatchParametersFile.Apply(model, "match-parameters.yaml", parameters);

        trained.Comparison("gender")!.Levels[0].M.ShouldBe(0.9);
        trained.Comparison("nhs_number")!.Levels[0].M.ShouldBe(0.998);
        trained.PriorMatchProbability.ShouldBe(0.0002);
    }
}
