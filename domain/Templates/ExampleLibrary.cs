
namespace AutoReply.Domain.Templates;

/// <summary>An example, with the words (English and French) a person may search it by beyond its own.</summary>
public sealed record ExampleMessage(string Id, string Title, string Scenario, string Message, IReadOnlyList<string> Keywords);

/// <summary>
/// Starting texts for common business scenarios (the product ships such a guide). Each one passes
/// the same checks as a saved auto-reply and fits in one or two segments; a test holds them to it.
/// </summary>
public static class ExampleLibrary
{
    public static IReadOnlyList<ExampleMessage> All { get; } =
    [
        new("missed-call-business-hours", "Missed call, we're busy", "Missed call during business hours",
            "Hi, this is {business_name}. Sorry we missed your call! We're helping other customers and will call you back shortly.",
            ["busy", "call", "back", "phone", "ringing", "appel", "manqué", "occupé"]),
        new("missed-call-after-hours", "Missed call, we're closed", "Missed call outside business hours",
            "Thanks for calling {business_name}. We're closed right now and open again {next_open}. Reply here and we'll get back to you.",
            ["closed", "night", "evening", "after", "hours", "fermé", "soir", "nuit", "appel", "manqué"]),
        new("voicemail-business-hours", "Voicemail received", "New voicemail during business hours",
            "Thanks for your voicemail! {business_name} will listen to it and get back to you today.",
            ["voicemail", "message", "left", "répondeur", "messagerie", "vocale"]),
        new("voicemail-after-hours", "Voicemail after hours", "New voicemail outside business hours",
            "Thanks for your voicemail. {business_name} is closed now; we'll call you back {next_open}.",
            ["voicemail", "closed", "night", "répondeur", "fermé", "soir"]),
        new("text-business-hours", "Text received", "Incoming text during business hours",
            "Thanks for your message! Someone from {business_name} will reply in a few minutes.",
            ["text", "sms", "message", "reply", "texto", "réponse"]),
        new("text-after-hours", "Text after hours", "Incoming text outside business hours",
            "Thanks for texting {business_name}. We're away right now and will reply {next_open}.",
            ["text", "sms", "closed", "away", "texto", "fermé", "absent"]),
        new("todays-hours", "Today's hours", "Tell callers when you're open today",
            "Sorry we missed you! {business_name} is open {business_hours}. We'll get back to you as soon as we can.",
            ["hours", "opening", "times", "schedule", "today", "horaires", "ouverture", "aujourd'hui"]),
        new("holiday-closure", "Holiday closure", "Closed for a holiday",
            "Happy holidays from {business_name}! We're closed today and reopen {next_open}. We'll reply to every message then.",
            ["holiday", "vacation", "christmas", "closed", "congé", "vacances", "fermé", "jour", "férié"]),
        new("weekend", "Weekend", "Closed for the weekend",
            "Hi! {business_name} is closed for the weekend. We'll be back {next_open} and will answer you first thing.",
            ["weekend", "saturday", "sunday", "closed", "week-end", "samedi", "dimanche", "fermé"]),
        new("dental-office", "Dental office", "Dental or medical practice",
            "You've reached {business_name}. To book or move an appointment, reply with your name and a good time. For an emergency, call 911.",
            ["dentist", "dental", "teeth", "tooth", "doctor", "clinic", "medical", "appointment", "dentiste", "cabinet", "dentaire", "médecin", "clinique", "rendez-vous"]),
        new("restaurant-reservations", "Restaurant", "Restaurant reservations",
            "Thanks for calling {business_name}! Reply with the date, time and party size and we'll confirm your table by text.",
            ["restaurant", "reservation", "booking", "table", "dinner", "cafe", "réservation", "dîner"]),
        new("real-estate-agent", "Real estate agent", "Agent away at a showing",
            "Hi, it's {business_name}. I'm at a showing right now. Reply with the property you're interested in and I'll call you back.",
            ["realtor", "real", "estate", "property", "house", "showing", "visit", "agent", "immobilier", "maison", "visite"]),
        new("law-firm", "Law firm", "Legal practice intake",
            "Thank you for contacting {business_name}. Please reply with your name and a short description of your matter; an attorney will follow up.",
            ["lawyer", "attorney", "legal", "law", "firm", "avocat", "juridique", "cabinet"]),
        new("home-services", "Home services", "Plumber, electrician or contractor on a job",
            "Hi, this is {business_name}. We're out on a job. Reply with your address and what needs fixing and we'll send you a quote.",
            ["plumber", "electrician", "contractor", "repair", "handyman", "quote", "plombier", "électricien", "artisan", "devis", "dépannage"]),
        new("retail-store", "Retail store", "Shop questions",
            "Thanks for reaching out to {business_name}! We're open {business_hours}. Reply with your question about an item and we'll check for you.",
            ["shop", "store", "boutique", "retail", "item", "product", "magasin", "commerce", "article"]),
        new("salon-booking", "Salon or spa", "Appointment booking",
            "Hi from {business_name}! We're with a client. Reply with the service and day you'd like and we'll find you a slot.",
            ["salon", "spa", "hair", "hairdresser", "barber", "beauty", "nails", "coiffeur", "coiffure", "beauté", "esthétique"]),
        new("auto-repair", "Auto repair", "Garage checking on a vehicle",
            "Thanks for calling {business_name}. Our mechanics are busy in the shop. Reply with your car's make and the problem and we'll call you back.",
            ["garage", "mechanic", "car", "vehicle", "repair", "auto", "garagiste", "mécanicien", "voiture", "réparation"]),
        new("support-line", "Customer support", "Support team at capacity",
            "Thanks for contacting {business_name} support. All our agents are busy; reply with your order or account number and we'll get right on it.",
            ["support", "help", "customer", "service", "order", "account", "assistance", "service", "client", "commande"]),
        new("property-management", "Property management", "Tenant requests",
            "You've reached {business_name}. For maintenance, reply with your unit number and the issue. For a gas leak or fire, call 911.",
            ["landlord", "tenant", "rental", "apartment", "maintenance", "property", "gestion", "locative", "locataire", "appartement"]),
        new("fitness-studio", "Fitness studio", "Class questions",
            "Thanks for calling {business_name}! We're teaching a class. Reply with your question and we'll answer between sessions.",
            ["gym", "fitness", "yoga", "class", "coach", "sport", "salle", "cours"]),
        new("follow-up-callback", "We'll call you back", "Short acknowledgement for any missed call",
            "Sorry we missed your call. {business_name} will call you back as soon as possible.",
            ["call", "back", "callback", "rappel", "rappeler"]),
    ];
}
