using AutoReply.Web.AutoReplies;
using AutoReply.Web.RulesApi.Models;

namespace AutoReply.UnitTests.Web;

public sealed class ExampleSearchTests
{
    private static readonly ExampleMessage[] Library =
    [
        new() { Id = "dental-office", Title = "Dental office", Scenario = "Dental or medical practice", Message = "Thanks for calling {business_name}." },
        new() { Id = "holiday-closure", Title = "Holiday closure", Scenario = "Closed for a holiday", Message = "Happy holidays from {business_name}!" },
    ];

    [Fact]
    public void Examples_are_found_by_every_word_of_the_scenario_in_any_case()
    {
        Assert.Equal(["holiday-closure"], ExampleSearch.Find(Library, "CLOSED holiday").Select(e => e.Id));
        Assert.Empty(ExampleSearch.Find(Library, "dental holiday"));
    }

    [Fact]
    public void No_words_find_the_whole_library() => Assert.Equal(2, ExampleSearch.Find(Library, " ").Count());
}
