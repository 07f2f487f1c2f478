using AutoReply.Contracts;
using AutoReply.Domain.Languages;

namespace AutoReply.Domain.Templates;

/// <summary>
/// An example in one language, with its message in the library's other languages (for an
/// auto-reply that answers contacts in theirs) and the words (English and French) a person may
/// search it by beyond its own.
/// </summary>
public sealed record ExampleMessage(string Id, string Title, string Scenario, string Message, IReadOnlyList<Translation> Translations, IReadOnlyList<string> Keywords);

/// <summary>
/// Starting texts for common business scenarios (the product ships such a guide), in English and in
/// French. Each one passes the same checks as a saved auto-reply and fits in one or two segments; a
/// test holds them to it. The French texts keep to the GSM-7 alphabet (é, è, à, ù, but no ê, ç or
/// curly apostrophe) so that they cost what the English ones do.
/// </summary>
public static class ExampleLibrary
{
    /// <summary>The library in <paramref name="language"/>.</summary>
    public static IReadOnlyList<ExampleMessage> In(ReplyLanguage language) => language == ReplyLanguage.French ? InFrench : InEnglish;

    private sealed record Text(string Title, string Scenario, string Message);

    private sealed record Example(string Id, Text English, Text French, string[] Keywords);

    private static readonly Example[] All =
    [
        new("missed-call-business-hours",
            new("Missed call, we're busy", "Missed call during business hours",
                "Hi, this is {business_name}. Sorry we missed your call! We're helping other customers and will call you back shortly."),
            new("Appel manqué, nous sommes occupés", "Appel manqué pendant les heures d'ouverture",
                "Bonjour, ici {business_name}. Désolés d'avoir manqué votre appel ! Nous servons d'autres clients et vous rappelons très vite."),
            ["busy", "call", "back", "phone", "ringing", "appel", "manqué", "occupé"]),
        new("missed-call-after-hours",
            new("Missed call, we're closed", "Missed call outside business hours",
                "Thanks for calling {business_name}. We're closed right now and open again {next_open}. Reply here and we'll get back to you."),
            new("Appel manqué, nous sommes fermés", "Appel manqué en dehors des heures d'ouverture",
                "Merci d'avoir appelé {business_name}. Nous sommes fermés et rouvrons {next_open}. Répondez ici et nous reviendrons vers vous."),
            ["closed", "night", "evening", "after", "hours", "fermé", "soir", "nuit", "appel", "manqué"]),
        new("voicemail-business-hours",
            new("Voicemail received", "New voicemail during business hours",
                "Thanks for your voicemail! {business_name} will listen to it and get back to you today."),
            new("Message vocal reçu", "Nouveau message vocal pendant les heures d'ouverture",
                "Merci pour votre message vocal ! {business_name} va l'écouter et vous recontacte aujourd'hui."),
            ["voicemail", "message", "left", "répondeur", "messagerie", "vocale"]),
        new("voicemail-after-hours",
            new("Voicemail after hours", "New voicemail outside business hours",
                "Thanks for your voicemail. {business_name} is closed now; we'll call you back {next_open}."),
            new("Message vocal hors horaires", "Nouveau message vocal en dehors des heures d'ouverture",
                "Merci pour votre message vocal. {business_name} est fermé pour le moment ; nous vous rappelons {next_open}."),
            ["voicemail", "closed", "night", "répondeur", "fermé", "soir"]),
        new("text-business-hours",
            new("Text received", "Incoming text during business hours",
                "Thanks for your message! Someone from {business_name} will reply in a few minutes."),
            new("SMS reçu", "SMS reçu pendant les heures d'ouverture",
                "Merci pour votre message ! Quelqu'un de {business_name} vous répond dans quelques minutes."),
            ["text", "sms", "message", "reply", "texto", "réponse"]),
        new("text-after-hours",
            new("Text after hours", "Incoming text outside business hours",
                "Thanks for texting {business_name}. We're away right now and will reply {next_open}."),
            new("SMS hors horaires", "SMS reçu en dehors des heures d'ouverture",
                "Merci pour votre SMS à {business_name}. Nous sommes absents et vous répondrons {next_open}."),
            ["text", "sms", "closed", "away", "texto", "fermé", "absent"]),
        new("todays-hours",
            new("Today's hours", "Tell callers when you're open today",
                "Sorry we missed you! {business_name} is open {business_hours}. We'll get back to you as soon as we can."),
            new("Horaires du jour", "Dire aux appelants quand vous êtes ouverts aujourd'hui",
                "Désolés de vous avoir manqué ! {business_name} est ouvert {business_hours}. Nous revenons vers vous au plus vite."),
            ["hours", "opening", "times", "schedule", "today", "horaires", "ouverture", "aujourd'hui"]),
        new("holiday-closure",
            new("Holiday closure", "Closed for a holiday",
                "Happy holidays from {business_name}! We're closed today and reopen {next_open}. We'll reply to every message then."),
            new("Fermeture pour congés", "Fermé un jour férié ou en congés",
                "Bonnes vacances de la part de {business_name} ! Nous sommes fermés et rouvrons {next_open}. Nous répondrons alors à chaque message."),
            ["holiday", "vacation", "christmas", "closed", "congé", "vacances", "fermé", "jour", "férié"]),
        new("weekend",
            new("Weekend", "Closed for the weekend",
                "Hi! {business_name} is closed for the weekend. We'll be back {next_open} and will answer you first thing."),
            new("Week-end", "Fermé le week-end",
                "Bonjour ! {business_name} est fermé le week-end. Nous serons de retour {next_open} et vous répondrons en premier."),
            ["weekend", "saturday", "sunday", "closed", "week-end", "samedi", "dimanche", "fermé"]),
        new("dental-office",
            new("Dental office", "Dental or medical practice",
                "You've reached {business_name}. To book or move an appointment, reply with your name and a good time. For an emergency, call 911."),
            new("Cabinet dentaire", "Cabinet dentaire ou médical",
                "Vous avez joint {business_name}. Pour prendre ou déplacer un rendez-vous, répondez avec votre nom et un créneau. En cas d'urgence, appelez le 15."),
            ["dentist", "dental", "teeth", "tooth", "doctor", "clinic", "medical", "appointment", "dentiste", "cabinet", "dentaire", "médecin", "clinique", "rendez-vous"]),
        new("restaurant-reservations",
            new("Restaurant", "Restaurant reservations",
                "Thanks for calling {business_name}! Reply with the date, time and party size and we'll confirm your table by text."),
            new("Restaurant", "Réservations au restaurant",
                "Merci d'avoir appelé {business_name} ! Répondez avec la date, l'heure et le nombre de couverts, nous confirmerons votre table par SMS."),
            ["restaurant", "reservation", "booking", "table", "dinner", "cafe", "réservation", "dîner"]),
        new("real-estate-agent",
            new("Real estate agent", "Agent away at a showing",
                "Hi, it's {business_name}. I'm at a showing right now. Reply with the property you're interested in and I'll call you back."),
            new("Agent immobilier", "Agent en visite",
                "Bonjour, ici {business_name}. Je suis en visite. Répondez avec le bien qui vous intéresse et je vous rappelle."),
            ["realtor", "real", "estate", "property", "house", "showing", "visit", "agent", "immobilier", "maison", "visite"]),
        new("law-firm",
            new("Law firm", "Legal practice intake",
                "Thank you for contacting {business_name}. Please reply with your name and a short description of your matter; an attorney will follow up."),
            new("Cabinet d'avocats", "Premier contact d'un cabinet juridique",
                "Merci d'avoir contacté {business_name}. Répondez avec votre nom et une courte description de votre affaire ; un avocat vous recontactera."),
            ["lawyer", "attorney", "legal", "law", "firm", "avocat", "juridique", "cabinet"]),
        new("home-services",
            new("Home services", "Plumber, electrician or contractor on a job",
                "Hi, this is {business_name}. We're out on a job. Reply with your address and what needs fixing and we'll send you a quote."),
            new("Services à domicile", "Plombier, électricien ou artisan sur un chantier",
                "Bonjour, ici {business_name}. Nous sommes sur un chantier. Répondez avec votre adresse et la panne, nous vous enverrons un devis."),
            ["plumber", "electrician", "contractor", "repair", "handyman", "quote", "plombier", "électricien", "artisan", "devis", "dépannage"]),
        new("retail-store",
            new("Retail store", "Shop questions",
                "Thanks for reaching out to {business_name}! We're open {business_hours}. Reply with your question about an item and we'll check for you."),
            new("Magasin", "Questions sur la boutique",
                "Merci de contacter {business_name} ! Nous sommes ouverts {business_hours}. Posez votre question sur un article et nous vérifions pour vous."),
            ["shop", "store", "boutique", "retail", "item", "product", "magasin", "commerce", "article"]),
        new("salon-booking",
            new("Salon or spa", "Appointment booking",
                "Hi from {business_name}! We're with a client. Reply with the service and day you'd like and we'll find you a slot."),
            new("Salon ou spa", "Prise de rendez-vous",
                "Bonjour de la part de {business_name} ! Nous sommes avec un client. Dites-nous la prestation et le jour voulus, nous vous trouverons un créneau."),
            ["salon", "spa", "hair", "hairdresser", "barber", "beauty", "nails", "coiffeur", "coiffure", "beauté", "esthétique"]),
        new("auto-repair",
            new("Auto repair", "Garage checking on a vehicle",
                "Thanks for calling {business_name}. Our mechanics are busy in the shop. Reply with your car's make and the problem and we'll call you back."),
            new("Garage", "Garage occupé sur un véhicule",
                "Merci d'avoir appelé {business_name}. Nos mécaniciens sont à l'atelier. Répondez avec la marque de votre voiture et le souci, nous vous rappelons."),
            ["garage", "mechanic", "car", "vehicle", "repair", "auto", "garagiste", "mécanicien", "voiture", "réparation"]),
        new("support-line",
            new("Customer support", "Support team at capacity",
                "Thanks for contacting {business_name} support. All our agents are busy; reply with your order or account number and we'll get right on it."),
            new("Service client", "Service client saturé",
                "Merci de contacter le service client de {business_name}. Tous nos conseillers sont occupés ; répondez avec votre numéro de commande ou de compte."),
            ["support", "help", "customer", "service", "order", "account", "assistance", "client", "commande"]),
        new("property-management",
            new("Property management", "Tenant requests",
                "You've reached {business_name}. For maintenance, reply with your unit number and the issue. For a gas leak or fire, call 911."),
            new("Gestion locative", "Demandes des locataires",
                "Vous avez joint {business_name}. Pour un entretien, répondez avec votre logement et le souci. Pour une fuite de gaz ou un incendie, appelez le 18."),
            ["landlord", "tenant", "rental", "apartment", "maintenance", "property", "gestion", "locative", "locataire", "appartement"]),
        new("fitness-studio",
            new("Fitness studio", "Class questions",
                "Thanks for calling {business_name}! We're teaching a class. Reply with your question and we'll answer between sessions."),
            new("Salle de sport", "Questions sur les cours",
                "Merci d'avoir appelé {business_name} ! Nous donnons un cours. Posez votre question, nous répondrons entre deux séances."),
            ["gym", "fitness", "yoga", "class", "coach", "sport", "salle", "cours"]),
        new("follow-up-callback",
            new("We'll call you back", "Short acknowledgement for any missed call",
                "Sorry we missed your call. {business_name} will call you back as soon as possible."),
            new("Nous vous rappelons", "Accusé de réception court pour tout appel manqué",
                "Désolés d'avoir manqué votre appel. {business_name} vous rappelle dès que possible."),
            ["call", "back", "callback", "rappel", "rappeler"]),
    ];

    private static readonly IReadOnlyList<ExampleMessage> InEnglish =
        [.. All.Select(example => new ExampleMessage(example.Id, example.English.Title, example.English.Scenario, example.English.Message,
            [new(ReplyLanguage.French, example.French.Message)], example.Keywords))];

    private static readonly IReadOnlyList<ExampleMessage> InFrench =
        [.. All.Select(example => new ExampleMessage(example.Id, example.French.Title, example.French.Scenario, example.French.Message,
            [new(ReplyLanguage.English, example.English.Message)], example.Keywords))];
}
