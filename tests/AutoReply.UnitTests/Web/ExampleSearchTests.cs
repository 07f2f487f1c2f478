using AutoReply.Web.AutoReplies;
using AutoReply.Web.RulesApi.Models;

namespace AutoReply.UnitTests.Web;

public sealed class ExampleSearchTests
{
    private static readonly ExampleMessage[] Library =
    [
        new() { Id = "dental-office", Title = "Dental office", Scenario = "Dental or medical practice", Message = "Thanks for calling {business_name}.", Keywords = ["dentist", "cabinet", "dentaire", "rendez-vous"] },
        new() { Id = "holiday-closure", Title = "Holiday closure", Scenario = "Closed for a holiday", Message = "Happy holidays from {business_name}!", Keywords = ["vacation", "fermé"] },
    ];

    [Fact]
    public void Examples_are_found_by_every_word_of_the_scenario_in_any_case()
    {
        Assert.Equal(["holiday-closure"], ExampleSearch.Find(Library, "CLOSED holiday").Select(e => e.Id));
        Assert.Empty(ExampleSearch.Find(Library, "dental holiday"));
    }

    [Theory]
    [InlineData("dentist")]
    [InlineData("dentists")]
    [InlineData("DENT")]
    [InlineData("Dentaire")]
    [InlineData("rendez vous")]
    public void An_example_is_found_by_its_keywords_their_plurals_and_the_start_of_a_word(string words) =>
        Assert.Equal(["dental-office"], ExampleSearch.Find(Library, words).Select(e => e.Id));

    [Fact]
    public void Accents_do_not_matter_either_way() =>
        Assert.Equal(["holiday-closure"], ExampleSearch.Find(Library, "ferme holidays").Select(e => e.Id));

    [Fact]
    public void No_words_find_the_whole_library() => Assert.Equal(2, ExampleSearch.Find(Library, " ").Count());
}
