using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using AutoReply.Sms;
using AutoReply.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace AutoReply.IntegrationTests;

/// <summary>
/// A business owner sets up auto-replies in the web app the AppHost starts, in Debian's Chromium, on a
/// desktop and on a phone, and reads on the Activity page why each contact did or did not get one.
/// </summary>
[Collection(nameof(WholeSystem))]
public sealed class WebAutoReplyTests(AppHostFixture system)
{
    private const string SlotName = "Missed calls outside business hours";

    [Theory]
    [InlineData(1600, 1000, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task Owner_sets_up_a_missed_call_reply_from_the_library_then_edits_and_deletes_it_and_activity_shows_each_outcome(int width, int height, string screen)
    {
        var number = TestData.PhoneNumber();
        var name = $"Split Hours Dental {number[^4..]}";
        var contacts = (First: TestData.PhoneNumber(), AfterEdit: TestData.PhoneNumber(), AfterDelete: TestData.PhoneNumber());
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(width, height);
        await WebApp.SignInAsync(page, system.Url("web"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Default workspace" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a number" }).ClickAsync();
        await AddNumberClosedTodayAsync(page, number, name);
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, $"web-add-number-{screen}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Number added.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("09:00 to 12:00 and 13:00 to 17:00").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("10:00 to midnight")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Holidays and special hours" })).ToBeVisibleAsync();
        await Assertions.Expect(Slot(page)).ToContainTextAsync("No auto-reply");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Set up an auto-reply for {SlotName.ToLowerInvariant()}" }).ClickAsync();
        await page.GetByText("Start from an example").ClickAsync();
        await page.GetByLabel("Search examples by scenario").FillAsync("closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Use this example: Missed call, we're closed" }).ClickAsync();
        var libraryText = await page.GetByLabel("Message in English").InputValueAsync();
        Assert.StartsWith("Thanks for calling {business_name}.", libraryText, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#message-preview")).ToContainTextAsync($"Thanks for calling {name}.");
        await AssertLengthIsCountedLikeTheApiAsync(page, "GSM-7");

        await page.GetByLabel("Message in English").FillAsync("Hi {customer}");
        await Assertions.Expect(page.Locator("#message-problems")).ToContainTextAsync("using only the variables listed below");
        await page.GetByLabel("Message in English").FillAsync(libraryText + " ✓");
        await Assertions.Expect(page.Locator("#message-preview")).ToContainTextAsync("you. ✓");
        await AssertLengthIsCountedLikeTheApiAsync(page, "UCS-2");
        await Assertions.Expect(page.Locator("#message-problems")).ToBeEmptyAsync();
        await page.GetByLabel("Message in English").FillAsync(libraryText);
        await AssertLengthIsCountedLikeTheApiAsync(page, "GSM-7");
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, $"web-new-auto-reply-{screen}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on auto-reply" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Auto-reply turned on.")).ToBeVisibleAsync();
        await Assertions.Expect(Slot(page)).ToContainTextAsync("Active");
        await Assertions.Expect(Slot(page)).ToContainTextAsync($"Preview now: Thanks for calling {name}.");
        await Assertions.Expect(Slot(page)).ToContainTextAsync("1 text · standard characters");
        await Assertions.Expect(Slot(page)).ToHaveClassAsync(new Regex("active"));
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, $"web-number-{screen}");

        await PostMissedCallAsync(number, contacts.First);
        var decision = await FindOnActivityAsync(page, contacts.First, "Delivered");
        await Assertions.Expect(decision).ToContainTextAsync("Replied");
        await Assertions.Expect(decision).ToContainTextAsync($"Thanks for calling {name}.");
        await Assertions.Expect(decision).ToContainTextAsync($"Auto-reply: {SlotName}");
        // The number by its name, the time as the business's clocks in Paris show it.
        await Assertions.Expect(decision).ToContainTextAsync($"to {name} ({number})");
        await Assertions.Expect(decision).ToContainTextAsync("(Europe/Paris)");
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, $"web-activity-{screen}");

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit the auto-reply for {SlotName.ToLowerInvariant()}" }).ClickAsync();
        await page.GetByLabel("Message in English").FillAsync("Sorry we missed you! {business_name} calls you back soon.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Auto-reply saved.")).ToBeVisibleAsync();
        await Assertions.Expect(Slot(page)).ToContainTextAsync($"Preview now: Sorry we missed you! {name} calls you back soon.");
        await PostMissedCallAsync(number, contacts.AfterEdit);
        var edited = await FindOnActivityAsync(page, contacts.AfterEdit, "Replied");
        await Assertions.Expect(edited).ToContainTextAsync($"Sorry we missed you! {name} calls you back soon.");

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Delete the auto-reply for {SlotName.ToLowerInvariant()}" }).ClickAsync();
        await Assertions.Expect(page.GetByText("It stops at once")).ToContainTextAsync("create it again");
        await WebApp.AssertUsableAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete auto-reply" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Auto-reply deleted.")).ToBeVisibleAsync();
        await Assertions.Expect(Slot(page)).ToContainTextAsync("No auto-reply");
        await PostMissedCallAsync(number, contacts.AfterDelete);
        var suppressed = await FindOnActivityAsync(page, contacts.AfterDelete, "No reply");
        await Assertions.Expect(suppressed).ToContainTextAsync("No auto-reply was set up");
    }

    [Fact]
    public async Task A_browser_in_french_gets_the_app_in_french_on_a_phone_from_sign_in_to_activity_and_the_person_can_switch_to_english()
    {
        const string slot = "Appels manqués en dehors des heures d’ouverture";
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var name = $"Cabinet Dentaire {number[^4..]}";
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844, locale: "fr-FR");

        await page.GotoAsync($"{system.Url("web")}/login");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await page.GetByLabel("E-mail").FillAsync(AutoReply.RulesApi.People.DevelopmentPerson.Email);
        await page.GetByLabel("Mot de passe").FillAsync(AutoReply.RulesApi.People.DevelopmentPerson.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vos espaces de travail" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Default workspace" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Numéros de téléphone" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un numéro" }).ClickAsync();
        await page.GetByLabel("Numéro de téléphone").FillAsync(number);
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Fuseau horaire").FillAsync("Europe/Paris");
        foreach (var day in new[] { "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi" })
        {
            await page.GetByLabel(day).FillAsync("9:00 à 12:00, 13:00 à 17:00");
        }
        await page.GetByLabel("Samedi").FillAsync("fermé");
        // Today and tomorrow in Paris a holiday: a call now is outside business hours.
        await page.Locator("#override-date-0").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#override-date-1").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Répondre au même contact au plus une fois par période de").SelectOptionAsync(new SelectOptionValue { Label = "1 heure" });
        await WebApp.AssertUsableAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le numéro" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Numéro ajouté.");
        await Assertions.Expect(page.GetByText("de 09:00 à 12:00 et de 13:00 à 17:00").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jours fériés et horaires exceptionnels" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Configurer une réponse automatique pour les {slot.ToLowerInvariant()}" }).ClickAsync();
        await page.GetByText("Partir d’un exemple").ClickAsync();
        await page.GetByLabel("Chercher des exemples par situation").FillAsync("fermé");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Utiliser l’exemple Appel manqué, nous sommes fermés" }).ClickAsync();
        Assert.StartsWith("Merci d'avoir appelé {business_name}.", await page.GetByLabel("Message en français").InputValueAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#message-preview")).ToContainTextAsync($"Merci d'avoir appelé {name}.");
        await Assertions.Expect(page.Locator("#message-length")).ToHaveTextAsync("1 SMS · caractères standard, jusqu’à 160 par SMS");
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, "web-new-auto-reply-phone-fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer la réponse automatique" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réponse automatique activée.");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = slot }) })).ToContainTextAsync("Active");
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, "web-number-phone-fr");

        await PostMissedCallAsync(number, contact);
        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/activity?contact={Uri.EscapeDataString(contact)}");
        var decision = page.Locator(".decision").Filter(new() { HasText = "Remis" });
        await WebApp.ReloadUntilAsync(page, decision);
        await Assertions.Expect(decision).ToContainTextAsync("Répondu");
        await Assertions.Expect(decision).ToContainTextAsync($"Appel manqué de {contact} vers {name} ({number})");
        await Assertions.Expect(decision).ToContainTextAsync($"Réponse automatique : {slot}");
        await Assertions.Expect(decision).ToContainTextAsync($"{today.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr"))}");
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, "web-activity-phone-fr");

        // The person's pick outranks the browser's language, on this page and the next.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activity", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"contact={Regex.Escape(Uri.EscapeDataString(contact))}"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Phone numbers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phone numbers" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_owner_gives_a_reply_a_french_message_and_testing_a_french_text_shows_the_french_reply_and_why()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        await new RulesApiClient(system.Client("rules-api")).PutNumberAsync(number, TestData.NeverOpen("Bilingual Bakery"));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/auto-replies/new?trigger=message&schedule=after_hours");
        await page.GetByLabel("Message in English").FillAsync("Thanks for your text. {business_name} opens {next_open}.");
        await page.GetByLabel("Message in French").FillAsync("Merci pour votre SMS. {business_name} ouvre ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Insert {next_open}" }).ClickAsync();
        await page.GetByLabel("Message in French").PressAsync("End");
        await page.GetByLabel("Message in French").PressSequentiallyAsync(".");
        await Assertions.Expect(page.Locator("#translation-preview")).ToHaveTextAsync("Merci pour votre SMS. Bilingual Bakery ouvre dès notre réouverture.");
        await Assertions.Expect(page.Locator("#translation-length")).ToHaveTextAsync("1 text · standard characters, up to 160 a text");
        await Assertions.Expect(page.Locator("#message-preview")).ToHaveTextAsync("Thanks for your text. Bilingual Bakery opens as soon as we reopen.");
        await WebApp.AssertUsableAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on auto-reply" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Auto-reply turned on.")).ToBeVisibleAsync();

        await page.GetByLabel("What happens").SelectOptionAsync("message");
        await page.GetByLabel("From the contact's phone number").FillAsync(contact);
        await page.GetByLabel("Their text, for a text message").FillAsync("Bonjour, vous êtes ouverts demain matin ?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }).ClickAsync();

        var explanation = page.Locator(".explanation");
        await Assertions.Expect(explanation).ToContainTextAsync("Merci pour votre SMS. Bilingual Bakery ouvre dès notre réouverture.");
        await Assertions.Expect(explanation).ToContainTextAsync("In French: the text you are testing is in French.");
        await WebApp.AssertUsableAsync(page);
    }

    [Fact]
    public async Task Testing_a_number_says_what_a_call_would_get_rule_by_rule_and_sends_nothing()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Dry Run Dental"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "{business_name} will call you back.");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}");
        await page.GetByLabel("What happens").SelectOptionAsync("missed_call");
        await page.GetByLabel("From the contact's phone number").FillAsync(contact);
        await page.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }).ClickAsync();

        var explanation = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(explanation).ToContainTextAsync("The contact would get this text:");
        await Assertions.Expect(explanation).ToContainTextAsync("Dry Run Dental will call you back.");
        await Assertions.Expect(explanation).ToContainTextAsync("Applies to: Missed calls outside business hours");
        await Assertions.Expect(explanation.Locator(".rule")).ToHaveCountAsync(9);
        await Assertions.Expect(explanation.Locator(".rule").Filter(new() { HasText = "Cooldown" })).ToContainTextAsync("passed");
        // Each rule's finding in words: the windows as durations, no ISO-8601 ("PT15M") and no event ids.
        await Assertions.Expect(explanation.Locator(".rule").Filter(new() { HasText = "On time" })).ToContainTextAsync("less than 15 minutes late");
        await Assertions.Expect(explanation.Locator(".rule").Filter(new() { HasText = "Recent activity" })).ToContainTextAsync("within the last 3 hours");
        await Assertions.Expect(explanation).Not.ToContainTextAsync(new Regex(@"\bP(T\d|\d+D)|\d{4}-\d{2}-\d{2}T"));
        await WebApp.AssertUsableAsync(page);
        await Screenshots.SaveAsync(page, "web-test-number-phone");
        Assert.Empty(await rules.DecisionsAsync(contact));
    }

    [Theory]
    [InlineData("dentist")]
    [InlineData("Dentists")]
    [InlineData("dentiste")]
    [InlineData("rendez-vous")]
    public async Task The_example_search_finds_an_example_by_its_words_in_other_forms_and_in_french(string words)
    {
        var number = TestData.PhoneNumber();
        await new RulesApiClient(system.Client("rules-api")).PutNumberAsync(number, TestData.NeverOpen("Search Dental"));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(1280, 800);
        await WebApp.SignInAsync(page, system.Url("web"));
        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Set up an auto-reply for {SlotName.ToLowerInvariant()}" }).ClickAsync();

        await page.GetByText("Start from an example").ClickAsync();
        await page.GetByLabel("Search examples by scenario").FillAsync(words);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Use this example: Dental office" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Use this example: Restaurant" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task While_a_number_s_daily_allowance_is_used_up_its_page_the_list_and_activity_say_until_when()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var name = $"Busy Bakery {number[^4..]}";
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen(name));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "Back soon.");
        await UseUpTodaysAllowanceAsync(number);
        await PostMissedCallAsync(number, contact);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));
        var warning = page.Locator(".warning");

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}");
        await Assertions.Expect(warning).ToContainTextAsync("Today's allowance of 1,000 texts for this number is used up: its auto-replies send nothing until");
        // Budgets are counted by UTC day: it comes back at midnight UTC, said in the number's own time zone.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var back = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero), newYork);
        await Assertions.Expect(warning).ToContainTextAsync($"{back.ToString("ddd d MMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture)} (America/New_York)");
        await WebApp.AssertUsableAsync(page);

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers?q={Uri.EscapeDataString(name)}");
        await Assertions.Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name })).ToContainTextAsync("Paused: today's allowance is used up");
        await Assertions.Expect(warning).ToContainTextAsync($"Today's allowance is used up for {name}");

        var refused = await FindOnActivityAsync(page, contact, "No reply");
        await Assertions.Expect(warning).ToContainTextAsync($"Today's allowance is used up for {name}");
        await Assertions.Expect(refused).ToContainTextAsync(name);
    }

    [Fact]
    public async Task Saving_a_number_s_settings_says_so_on_its_page()
    {
        var number = TestData.PhoneNumber();
        await new RulesApiClient(system.Client("rules-api")).PutNumberAsync(number, TestData.NeverOpen("Saved Settings Dental"));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));
        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/settings");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Saved Settings Dental" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Settings saved.");
        await WebApp.AssertUsableAsync(page);
    }

    [Fact]
    public async Task Testing_a_number_at_a_chosen_time_says_what_a_call_then_would_get()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Chosen Time Dental"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "{business_name} will call you back.");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(1280, 800);
        await WebApp.SignInAsync(page, system.Url("web"));
        var monday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        monday = monday.AddDays(((int)DayOfWeek.Monday - (int)monday.DayOfWeek + 7) % 7);

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}");
        await page.GetByLabel("What happens").SelectOptionAsync("missed_call");
        await page.GetByLabel("From the contact's phone number").FillAsync(contact);
        await page.GetByLabel("When, in").FillAsync($"{monday:yyyy-MM-dd}T10:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }).ClickAsync();

        var explanation = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(explanation).ToContainTextAsync("The contact would get this text:");
        await Assertions.Expect(explanation).ToContainTextAsync("Chosen Time Dental will call you back.");
        await Assertions.Expect(explanation).ToContainTextAsync($"Hours on {monday.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"))}: Closed.");
        Assert.Empty(await rules.DecisionsAsync(contact));
    }

    [Fact]
    public async Task Every_page_is_usable_on_a_phone()
    {
        var number = TestData.PhoneNumber();
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Phone Size Florist"));
        var reply = await rules.CreateAutoReplyAsync(number, "voicemail", "after_hours", "Thanks for your voicemail, {business_name} calls back {next_open}.");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync($"{system.Url("web")}/login");
        await WebApp.AssertUsableAsync(page);
        await WebApp.SignInAsync(page, system.Url("web"));
        var numberPage = $"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}";

        foreach (var (path, heading) in new[]
        {
            ("/", "Your workspaces"),
            ($"/w/{DefaultWorkspace}/numbers", "Phone numbers"),
            ($"/w/{DefaultWorkspace}/numbers/new", "Add a number"),
            ($"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}", "Phone Size Florist"),
            ($"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/settings", $"Settings of {number}"),
            ($"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/auto-replies/new?trigger=message&schedule=after_hours&q=closed", "New auto-reply"),
            ($"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/auto-replies/{reply.Id}/edit", "Edit auto-reply"),
            ($"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/auto-replies/{reply.Id}/delete", "Delete this auto-reply?"),
            ($"/w/{DefaultWorkspace}/activity", "Activity"),
            ($"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(TestData.PhoneNumber())}", "Not found"),
            ($"/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/auto-replies/{Guid.NewGuid()}/edit", "Not found"),
            ("/nowhere", "Not found"),
        })
        {
            var response = await page.GotoAsync(system.Url("web") + path);
            Assert.Equal(heading == "Not found" ? 404 : 200, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await WebApp.AssertUsableAsync(page);
        }
    }

    [Fact]
    public async Task A_person_signs_in_and_opens_a_number_s_auto_reply_editor_with_the_keyboard_alone()
    {
        var number = TestData.PhoneNumber();
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen($"Keyboard Cafe {number[^4..]}"));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{system.Url("web")}/login");
        await WebApp.TabToAsync(page, "Email");
        await page.Keyboard.TypeAsync(AutoReply.RulesApi.People.DevelopmentPerson.Email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(AutoReply.RulesApi.People.DevelopmentPerson.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your workspaces" })).ToBeVisibleAsync();
        await WebApp.TabToAsync(page, "Default workspace");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phone numbers" })).ToBeVisibleAsync();
        await WebApp.TabToAsync(page, $"Keyboard Cafe {number[^4..]}");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Keyboard Cafe {number[^4..]}" })).ToBeVisibleAsync();
        await WebApp.TabToAsync(page, "Set up an auto-reply for new voicemails outside business hours");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New auto-reply" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("New voicemails outside business hours")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Activity_shows_a_reply_waiting_for_its_delay_and_one_cancelled_by_a_call_back_and_the_editor_sets_the_wait()
    {
        var (number, waiting, calledBack) = (TestData.PhoneNumber(), TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen($"Patient Vets {number[^4..]}"));
        var reply = await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "{business_name} will call you back.", delay: "PT10M");
        await PostMissedCallAsync(number, waiting);
        await rules.DecisionsWhenAsync(waiting, 1);
        await rules.EditAutoReplyAsync(number, reply.Id, "{business_name} will call you back.", delay: "PT2S");
        await PostMissedCallAsync(number, calledBack);
        await rules.DecisionsWhenAsync(calledBack, 1);
        await system.PostEventAsync("call.placed", number, calledBack);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));

        var scheduled = await FindOnActivityAsync(page, waiting, "Reply scheduled");
        await Assertions.Expect(scheduled).ToContainTextAsync("unless your team answers first");
        var cancelled = await FindOnActivityAsync(page, calledBack, "Reply cancelled");
        await Assertions.Expect(cancelled).ToContainTextAsync("Your team called or texted this contact");

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/{Uri.EscapeDataString(number)}/auto-replies/{reply.Id}/edit");
        await page.GetByLabel("Wait before sending").SelectOptionAsync(new SelectOptionValue { Label = "1 minute" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Slot(page)).ToContainTextAsync("Waits 1 minute");
    }

    [Fact]
    public async Task Number_form_shows_each_refusal_next_to_its_field_and_adds_nothing()
    {
        var number = TestData.PhoneNumber();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await WebApp.SignInAsync(page, system.Url("web"));
        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/numbers/new");

        await page.GetByLabel("Phone number").FillAsync(number);
        await page.GetByLabel("Name").FillAsync("Overlap Dental");
        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus_Mons");
        await page.GetByLabel("Monday").FillAsync("09:00-12:00, 11:00-13:00");
        await page.GetByLabel("Tuesday").FillAsync("nine to five");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();

        await Assertions.Expect(page.Locator(".day").Filter(new() { HasText = "Tuesday" })).ToContainTextAsync("Write the hours like");
        await page.GetByLabel("Tuesday").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        await Assertions.Expect(page.Locator(".day").Filter(new() { HasText = "Monday" })).ToContainTextAsync("not overlap another one the same day");
        // In an owner's words: no field names, no "IANA" or "E.164".
        await Assertions.Expect(page.GetByText("Write a time zone as a region and a city, such as America/New_York or Europe/Paris.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("timeZone");
        await page.GetByLabel("Phone number").FillAsync("415 555 0100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add number" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Write the number with + and its country code, such as +14155550100.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("E.164");
        Assert.Equal(HttpStatusCode.NotFound, (await system.Client("rules-api").GetAsync($"/v1/numbers/{Uri.EscapeDataString(number)}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Another_workspace_s_page_is_refused_with_a_page_that_says_so()
    {
        var workspaces = new WorkspacesApi(() => system.App.CreateHttpClient("rules-api", "http"));
        var elsewhere = await workspaces.CreateWorkspaceAsync("Someone else's business");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await WebApp.SignInAsync(page, system.Url("web"));

        var response = await page.GotoAsync($"{system.Url("web")}/w/{elsewhere}/numbers");

        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This workspace isn't one of yours" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Activity_lists_a_contact_s_decisions_newest_first_a_page_at_a_time()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen("Paging Pharmacy"));
        var events = new List<string>();
        for (var i = 0; i < 21; i++)
        {
            events.Add(await PostMissedCallAsync(number, contact));
        }
        await rules.DecisionsWhenAsync(contact, 21);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/activity?contact={Uri.EscapeDataString(contact)}");
        await Assertions.Expect(page.Locator(".decision")).ToHaveCountAsync(20);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Newer" })).ToHaveCountAsync(0);
        var firstPage = await page.Locator(".decision").AllInnerTextsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Older" }).ClickAsync();

        await Assertions.Expect(page.Locator(".decision")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Older" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Newer" })).ToBeVisibleAsync();
        var shown = firstPage.Concat(await page.Locator(".decision").AllInnerTextsAsync()).ToList();
        Assert.All(events, id => Assert.Single(shown, decision => decision.Contains(id, StringComparison.Ordinal)));
        await WebApp.AssertUsableAsync(page);
    }

    [Fact]
    public async Task Activity_shows_a_new_call_and_its_delivery_as_they_happen_without_a_reload_and_says_the_list_changed()
    {
        var (number, contact) = (TestData.PhoneNumber(), TestData.PhoneNumber());
        var rules = new RulesApiClient(system.Client("rules-api"));
        await rules.PutNumberAsync(number, TestData.NeverOpen($"Live Dental {number[^4..]}"));
        await rules.CreateAutoReplyAsync(number, "missed_call", "after_hours", "{business_name} will call you back.");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(390, 844);
        await WebApp.SignInAsync(page, system.Url("web"));
        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/activity?contact={Uri.EscapeDataString(contact)}");
        await Assertions.Expect(page.GetByText("No calls or texts match.")).ToBeVisibleAsync();
        // A reload would lose this: the page is the one the person opened.
        await page.EvaluateAsync("window.openedOnce = true");

        await PostMissedCallAsync(number, contact);

        var decision = page.Locator(".decision");
        var live = new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 };
        await Assertions.Expect(decision.Filter(new() { HasText = "Replied" })).ToBeVisibleAsync(live);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("1 new call or text, at the top of the list.|A reply in the list changed"));
        await Assertions.Expect(decision.Filter(new() { HasText = "Delivered" })).ToBeVisibleAsync(live);
        await Assertions.Expect(page.GetByText("No calls or texts match.")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("window.openedOnce === true"), "the page was reloaded");
        await WebApp.AssertUsableAsync(page);
    }

    [Fact]
    public async Task Activity_search_by_a_contact_that_is_not_a_phone_number_says_so_next_to_the_field()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await WebApp.SignInAsync(page, system.Url("web"));

        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/activity");
        await page.GetByLabel("Contact's phone number").FillAsync("555-0199");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Assertions.Expect(page.Locator("form.search .error")).ToHaveTextAsync("Write the contact's number with + and its country code, such as +14155550199.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("[?&]contact=555-0199"));
    }

    private static readonly Guid DefaultWorkspace = AutoReply.Security.DefaultWorkspace.Id;

    private static ILocator Slot(IPage page) =>
        page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = SlotName, Exact = true }) });

    /// <summary>Split weekday hours, a Saturday until midnight, and today and tomorrow in Paris a holiday: a call now is after hours.</summary>
    private static async Task AddNumberClosedTodayAsync(IPage page, string number, string name)
    {
        await page.GetByLabel("Phone number").FillAsync(number);
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Time zone").FillAsync("Europe/Paris");
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            await page.GetByLabel(day).FillAsync("09:00-12:00, 13:00-17:00");
        }
        await page.GetByLabel("Saturday").FillAsync("10:00-24:00");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        await page.Locator("#override-date-0").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#override-date-1").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Reply to the same contact at most once every").SelectOptionAsync(new SelectOptionValue { Label = "1 hour" });
    }

    /// <summary>The editor's live count is the one the API (and the provider's bill) makes of the preview shown.</summary>
    /// <summary>The length said in an owner's words (no encoding names), counted as the API counts it.</summary>
    private static async Task AssertLengthIsCountedLikeTheApiAsync(IPage page, string encoding)
    {
        var characters = encoding == "GSM-7" ? "standard characters, up to 160 a text" : "special characters such as emoji, up to 70 a text";
        await Assertions.Expect(page.Locator("#message-length")).ToContainTextAsync(characters);
        var length = SmsEncoding.Measure(await page.Locator("#message-preview").InnerTextAsync());
        Assert.Equal(encoding, length.Encoding);
        await Assertions.Expect(page.Locator("#message-length")).ToHaveTextAsync(
            $"{(length.Segments == 1 ? "1 text" : $"{length.Segments} texts joined")} · {characters}");
        await Assertions.Expect(page.Locator("#message-length")).Not.ToContainTextAsync("GSM");
    }

    private Task<string> PostMissedCallAsync(string number, string contact) => system.PostEventAsync("call.missed", number, contact);

    /// <summary>The number's count for today at its budget (1,000 texts), as a thousand replies would leave it.</summary>
    private async Task UseUpTodaysAllowanceAsync(string number)
    {
        await using var db = new NpgsqlConnection(await system.App.GetConnectionStringAsync("autoreplydb", TestContext.Current.CancellationToken));
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO rules.send_budgets (\"Scope\", \"Day\", \"Sent\") VALUES (@scope, @day, 1000) ON CONFLICT (\"Scope\", \"Day\") DO UPDATE SET \"Sent\" = 1000", db);
        command.Parameters.AddWithValue("scope", $"number:{number}");
        command.Parameters.AddWithValue("day", DateOnly.FromDateTime(DateTime.UtcNow));
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The Activity page searched for the contact (the address its search form makes), until its decision shows <paramref name="expected"/>.</summary>
    private async Task<ILocator> FindOnActivityAsync(IPage page, string contact, string expected)
    {
        await page.GotoAsync($"{system.Url("web")}/w/{DefaultWorkspace}/activity?contact={Uri.EscapeDataString(contact)}&eventId=");
        await Assertions.Expect(page.GetByLabel("Contact's phone number")).ToHaveValueAsync(contact);
        var decision = page.Locator(".decision").Filter(new() { HasText = expected });
        await WebApp.ReloadUntilAsync(page, decision);
        return decision;
    }
}
