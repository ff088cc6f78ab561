using SingleView.Core.Standardisation;
using SingleView.Samples.Population;

namespace SingleView.Samples.Tests.Population;

public class PopulationBuilderTests
{
    private static readonly DateOnly ExtractDate = new(2025, 3, 3);

    private static List<Family> Build(int children, int seed = 9) =>
        new PopulationBuilder(new SampleAuthorityOptions { Children = children, Seed = seed, ExtractDate = ExtractDate }).Build().ToList();

    [Test]
    public void Build_TwinPairs_ShareSurnameAddressAndDateOfBirthButNotFirstName()
    {
        var families = Build(2000);
        var pairs = families
            .SelectMany(f => f.Children.Where(c => c.IsTwin).GroupBy(c => c.DateOfBirth).Select(g => (Family: f, Twins: g.ToList())))
            .ToList();

        pairs.ShouldNotBeEmpty();
        foreach (var (_, twins) in pairs)
        {
            twins.Count.ShouldBe(2);
            twins[0].FamilyName.ShouldBe(twins[1].FamilyName);
            twins[0].FirstName.ShouldNotBe(twins[1].FirstName);
        }
    }

    [Test]
    public void Build_TwinBirths_AreAboutOneAndAHalfPercent()
    {
        var builder = new PopulationBuilder(new SampleAuthorityOptions { Children = 40_000, Seed = 5, ExtractDate = ExtractDate });
        var births = builder.Build().Sum(f => f.Children.Select(c => c.DateOfBirth).Distinct().Count());

        ((double)builder.TwinPairs / births).ShouldBeInRange(0.01, 0.02);
    }

    [Test]
    public void Build_FirstFamily_HasTwins()
    {
        Build(5)[0].Children.Count(c => c.IsTwin).ShouldBe(2);
    }

    [Test]
    public void Build_People_HaveValidUniqueNhsNumbers()
    {
        var numbers = Build(1500).SelectMany(f => f.Members).Select(p => p.NhsNumber).ToList();

        numbers.ShouldAllBe(n => NhsNumber.IsValid(n));
        numbers.Distinct().Count().ShouldBe(numbers.Count);
    }

    [Test]
    public void Build_SchoolAgeChildren_HaveValidUniqueUpnsAndInfantsHaveNone()
    {
        var children = Build(1500).SelectMany(f => f.Children).ToList();
        var upns = children.Select(c => c.Upn).OfType<string>().ToList();

        upns.ShouldAllBe(u => UniquePupilNumber.IsValid(u));
        upns.Distinct().Count().ShouldBe(upns.Count);
        children.Where(c => c.AgeOn(ExtractDate) < 4).ShouldAllBe(c => c.Upn == null);
        children.Where(c => c.AgeOn(ExtractDate) >= 6).ShouldAllBe(c => c.Upn != null);
    }

    [Test]
    public void Build_Families_LiveAtDistinctAddressesWithValidPostcodes()
    {
        var families = Build(3000);
        var addresses = families.Select(f => f.Address.OneLine)
            .Concat(families.Select(f => f.PreviousAddress?.OneLine).OfType<string>())
            .ToList();

        addresses.Distinct().Count().ShouldBe(addresses.Count);
        families.ShouldAllBe(f => Postcode.IsValid(f.Address.Postcode));
    }

    [Test]
    public void Build_Children_AreMostlyUnderEighteenWithSomeYoungAdults()
    {
        var ages = Build(3000).SelectMany(f => f.Children).Select(c => c.AgeOn(ExtractDate)).ToList();

        ages.ShouldAllBe(a => a >= 0 && a <= 24);
        ages.Count(a => a >= 18).ShouldBeInRange(1, ages.Count / 5);
    }

    [Test]
    public void Build_Parents_AreAtLeastEighteenYearsOlderThanTheirChildren()
    {
        foreach (var family in Build(1000))
        {
            var oldestChild = family.Children.Min(c => c.DateOfBirth);
            family.Adults.ShouldAllBe(a => a.DateOfBirth.AddYears(15) <= oldestChild);
        }
    }

    [Test]
    public void Build_Families_HaveOneOrTwoAdultsAndMostChildrenShareASurnameWithOne()
    {
        var families = Build(3000);
        families.ShouldAllBe(f => f.Adults.Count >= 1 && f.Adults.Count <= 2);

        var children = families.SelectMany(f => f.Children.Select(c => (Child: c, Family: f))).ToList();
        var sharing = children.Count(x => x.Family.Adults.Any(a => a.FamilyName == x.Child.FamilyName));
        sharing.ShouldBeGreaterThan(children.Count * 3 / 4);
    }
}
