using SingleView.Core.Model;
using SingleView.Match.Model;
using SingleView.Match.Training;

namespace SingleView.Match.Tests.Training;

public class MatchTrainerTests
{
    private static readonly string[] FirstNames = ["Oliver", "Amelia", "Isla", "Jack", "Noah", "Ava", "Leo", "Mia", "Zara", "Yusuf", "Chidi", "Maja", "Ruby", "Theo", "Ivy"];
    private static readonly string[] FamilyNames = ["Smith", "Okonkwo", "Patel", "Nowak", "Jones", "Ahmed", "Taylor", "Brown", "Khan", "Wilson", "Evans", "Murphy"];

    /// <summary>People held by two or three sources each, some with a slip in a name or a date.</summary>
    private static List<PersonRecord> Authority(int people, int seed)
    {
        var random = new Random(seed);
        var records = new List<PersonRecord>();
        for (var p = 0; p < people; p++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var dob = new DateOnly(2005, 1, 1).AddDays(random.Next(6000));
            var postcode = $"AT{random.Next(1, 9)} {random.Next(1, 9)}AB";
            var copies = 2 + random.Next(2);
            for (var c = 0; c < copies; c++)
            {
                var slip = random.NextDouble() < 0.1;
                records.Add(new PersonRecord
                {
                    Key = new SourceRecordKey($"feed{c}", $"{p}"),
                    SourceSystem = $"feed{c}",
                    ExtractDate = new DateOnly(2026, 11, 20),
                    FirstName = slip ? first[..^1] + "x" : first,
                    FamilyName = family,
                    DateOfBirth = random.NextDouble() < 0.05 ? dob.AddDays(1) : dob,
                    Gender = p % 2 == 0 ? Gender.Female : Gender.Male,
                    Postcode = random.NextDouble() < 0.1 ? null : postcode,
                    Address = $"{random.Next(1, 3)} Mill Lane, Anytown",
                });
            }
        }

        return records;
    }

    private static readonly ParameterProvenance Provenance = new() { Source = "test", TrainedAt = "2026-11-21T00:00:00Z", Seed = 7, RandomPairs = 20_000 };

    private static string Train(List<PersonRecord> records, int seed) =>
        MatchParametersWriter.Write(MatchTrainer.Train(
            MatchModelLoader.LoadConfiguredDirectory(RepositoryConfig.Directory), records, new TrainingOptions { Seed = seed, RandomPairs = 20_000 }, Provenance));

    [Test]
    public void Train_SameDataAndSeed_SameParametersFile()
    {
        var records = Authority(400, seed: 1);

        Train(records, seed: 7).ShouldBe(Train(records, seed: 7));
    }

    [Test]
    public void Train_OtherSeed_OtherRandomPairs()
    {
        var records = Authority(400, seed: 1);

        Train(records, seed: 7).ShouldNotBe(Train(records, seed: 8));
    }

    [Test]
    public void Train_Authority_LearnsThatAgreementIsEvidence()
    {
        var result = MatchTrainer.Train(MatchModelLoader.LoadConfiguredDirectory(RepositoryConfig.Directory), Authority(400, seed: 2), new TrainingOptions { RandomPairs = 20_000 }, Provenance);

        var dateOfBirth = result.Model.Comparison("date_of_birth")!;
        dateOfBirth.Levels[0].M.ShouldBeGreaterThan(0.8);
        dateOfBirth.Levels[0].U.ShouldBeLessThan(0.01);
        result.Runs.Count.ShouldBe(result.Model.TrainingBlockingRules.Length);
        result.Model.PriorMatchProbability.ShouldBeInRange(1e-5, 0.05);
    }

    [Test]
    public void Train_FixedLevels_KeepTheirConfiguredValues()
    {
        var configured = MatchModelLoader.LoadConfiguredDirectory(RepositoryConfig.Directory);

        var result = MatchTrainer.Train(configured, Authority(300, seed: 3), new TrainingOptions { RandomPairs = 20_000 }, Provenance);

        result.Model.Comparison("nhs_number")!.Levels.ShouldBe(configured.Comparison("nhs_number")!.Levels.Select(l => l with { Source = "fixed in configuration" }));
    }

    [Test]
    public void Write_ThenApply_GivesTheTrainedModel()
    {
        var configured = MatchModelLoader.LoadConfiguredDirectory(RepositoryConfig.Directory);
        var result = MatchTrainer.Train(configured, Authority(300, seed: 4), new TrainingOptions { RandomPairs = 20_000 }, Provenance);

        var applied = MatchParametersFile.Apply(configured, "match-parameters.yaml", MatchParametersWriter.Write(result));

        applied.Comparison("first_name")!.Levels[0].M.ShouldBe(result.Model.Comparison("first_name")!.Levels[0].M, 1e-6);
        applied.PriorMatchProbability.ShouldBe(result.Model.PriorMatchProbability, 1e-9);
        applied.Provenance.Seed.ShouldBe(7);
    }

    private static List<PersonRecord> WithoutPostcodes(List<PersonRecord> records) => records.Select(r => r with { Postcode = null }).ToList();

    [Test]
    public void Train_RuleThatFindsNoPairs_WritesNoNaNAndSaysTheRuleWasNotUsed()
    {
        var configured = MatchModelLoader.LoadConfiguredDirectory(RepositoryConfig.Directory);

        var result = MatchTrainer.Train(configured, WithoutPostcodes(Authority(200, seed: 5)), new TrainingOptions { RandomPairs = 20_000 }, Provenance);
        var text = MatchParametersWriter.Write(result);

        text.ShouldNotContain("NaN");
        text.ShouldNotContain("Infinity");
        result.Runs.Single(r => r.BlockingRule == "same postcode").Note.ShouldNotBeNull().ShouldContain("no pairs");
        var applied = MatchParametersFile.Apply(configured, "match-parameters.yaml", text);
        applied.PriorMatchProbability.ShouldBeInRange(1e-9, 0.5);
    }

    [Test]
    public void Train_ComparisonNoPairHasValuesFor_KeepsItsConfiguredMAndSaysSo()
    {
        var configured = MatchModelLoader.LoadConfiguredDirectory(RepositoryConfig.Directory);

        // No address: no town either (it is read from the address when no town column is mapped).
        var result = MatchTrainer.Train(configured, Authority(200, seed: 6).Select(r => r with { Address = null }).ToList(), new TrainingOptions { RandomPairs = 20_000 }, Provenance);

        var city = result.Model.Comparison("city")!;
        city.Levels.Select(l => l.M).ShouldBe(configured.Comparison("city")!.Levels.Select(l => l.M));
        city.Levels.ShouldAllBe(l => l.Source.StartsWith("m: configuration", StringComparison.Ordinal));
    }

    [Test]
    public void Train_LevelNoTrainingPairShows_KeepsItsConfiguredMAndSaysSo()
    {
        var configured = MatchModelLoader.LoadConfiguredDirectory(RepositoryConfig.Directory);

        // First and family names come from different lists: no pair ever shows them swapped.
        var result = MatchTrainer.Train(configured, Authority(300, seed: 7), new TrainingOptions { RandomPairs = 20_000 }, Provenance);

        var family = result.Model.Comparison("family_name")!;
        var swapped = family.Levels[family.IndexOf("swapped_with_first_name")];
        swapped.M.ShouldBe(configured.Comparison("family_name")!.Levels[family.IndexOf("swapped_with_first_name")].M);
        swapped.Source.ShouldContain(MatchTrainer.NoEvidence);
        family.Levels.Sum(l => l.M).ShouldBe(1, 1e-9);
    }

    [Test]
    public void Train_Authority_ReportsCandidatePairsAndLikelyMatchesPerBlockingRule()
    {
        var configured = MatchModelLoader.LoadConfiguredDirectory(RepositoryConfig.Directory);

        var result = MatchTrainer.Train(configured, Authority(300, seed: 8), new TrainingOptions { RandomPairs = 20_000 }, Provenance);

        result.Blocking.Select(b => b.BlockingRule).ShouldBe(configured.BlockingRules.Select(r => r.Name));
        result.Blocking.Single(b => b.BlockingRule == "same NHS number").CandidatePairs.ShouldBe(0);
        result.Blocking.Sum(b => b.LikelyMatches).ShouldBeGreaterThan(100);
        result.Blocking.ShouldAllBe(b => b.LikelyMatches <= b.CandidatePairs);
        MatchParametersWriter.Write(result).ShouldContain("likely_matches:");
    }
}
