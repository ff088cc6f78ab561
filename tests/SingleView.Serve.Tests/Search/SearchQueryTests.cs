using SingleView.Serve.Search;

namespace SingleView.Serve.Tests.Search;

public sealed class SearchQueryTests
{
    [Test]
    public void From_NothingEntered_AsksForSomething()
    {
        var (query, errors) = SearchQuery.From(" ", null, null, null);

        query.ShouldBeNull();
        errors.Keys.ShouldBe(["name"]);
    }

    [Test]
    public void From_FamilyNameFirstWithComma_SplitsNames()
    {
        var (query, _) = SearchQuery.From("SMITH, Jayden", null, null, null);

        query!.NameKeys().ShouldBe(("JAYDEN", "SMITH"));
    }

    [Test]
    public void From_Postcode_IsNormalised()
    {
        SearchQuery.From(null, null, "sk13xe", null).Query!.Postcode.ShouldBe("SK1 3XE");
    }
}
