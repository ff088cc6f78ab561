using SingleView.Core.Configuration;
using SingleView.Golden.Survivorship;
using SingleView.Tests.Shared;

namespace SingleView.Golden.Tests.Survivorship;

public class SurvivorshipRulesTests
{
    [Test]
    public void LoadDirectory_RepositoryConfig_HasARuleForEveryGoldenField() =>
        SurvivorshipRules.LoadDirectory(RepositoryRoot.Config).Fields.Keys.ShouldBe(Core.Model.StandardFields.Golden, ignoreOrder: true);

    [Test]
    public void Parse_UnknownRule_NamesTheField() =>
        Should.Throw<ConfigurationException>(() => SurvivorshipRules.Parse("s.yaml", "fields:\n  first_name: { rule: loudest }\n"))
            .Field.ShouldBe("fields.first_name.rule");

    [Test]
    public void Parse_SourcePriorityWithoutList_IsRefused() =>
        Should.Throw<ConfigurationException>(() => SurvivorshipRules.Parse("s.yaml", "fields:\n  upn: { rule: source_priority }\n"))
            .Field.ShouldBe("fields.upn.priority");

    [Test]
    public void Parse_UnknownField_IsRefused() =>
        Should.Throw<ConfigurationException>(() => SurvivorshipRules.Parse("s.yaml", "fields:\n  shoe_size: { rule: most_recent }\n"))
            .Field.ShouldBe("fields.shoe_size");
}
