namespace SingleView.Samples.Population;

/// <summary>
/// First names weighted by sex, generation and rough UK frequency, and family names weighted by
/// their frequency in England and Wales, for each naming tradition of the synthetic authority.
/// Weights are relative within a table.
/// </summary>
internal static class NameTables
{
    public static readonly NameCulture British = new(
        "british",
        WeightedNames.Parse("""
            Olivia:100 Amelia:95 Isla:80 Ava:75 Lily:70 Freya:60 Ivy:55 Florence:50 Sophia:45 Mia:50 Grace:50 Evie:45
            Poppy:45 Ella:45 Isabella:40 Willow:40 Emily:50 Sophie:40 Jessica:35 Chloe:40 Ruby:40 Isabelle:30 Isabel:20
            Lucy:30 Daisy:30 Phoebe:25 Millie:35 Ellie:35 Matilda:25 Rosie:30 Sienna:25 Harper:20 Evelyn:25 Elsie:25
            Charlotte:40 Scarlett:30 Hannah:20 Megan:25 Holly:20 Katie:20 Lauren:20 Amber:20 Erin:20 Maisie:25 Layla:25
            Lola:20 Maya:20 Esme:15 Aria:20 Zara:15 Alice:25 Bethany:15 Georgia:20 Eleanor:15 Niamh:12 Zoë:8 Chloé:3
            Summer:12 Elizabeth:15 Lila:8 Eva:15 Faye:5 Amelie:10 Abigail:12 Victoria:8 Penelope:6 Margot:6
            """),
        WeightedNames.Parse("""
            Oliver:100 George:90 Noah:85 Arthur:80 Leo:75 Harry:75 Oscar:65 Archie:60 Henry:55 Theodore:45 Freddie:55
            Jack:70 Charlie:65 Thomas:50 Jacob:45 Alfie:50 Joshua:45 William:45 James:50 Isaac:35 Jake:25 Harvey:30
            Finley:30 Ethan:40 Lucas:35 Mason:35 Max:30 Dylan:30 Logan:30 Riley:30 Tyler:25 Samuel:30 Daniel:30
            Benjamin:25 Alexander:25 Edward:20 Frederick:10 Alfred:8 Reuben:15 Teddy:25 Tommy:20 Louie:20 Ronnie:15
            Jayden:15 Callum:15 Lewis:20 Kai:15 Liam:15 Connor:15 Ryan:15 Luke:20 Matthew:20 Adam:20 Sebastian:15
            Toby:20 Elliot:15 Jenson:10 Bobby:15 Stanley:15 Albie:15 Aiden:12 Aaron:10 Leon:10 Calvin:4 Zachary:8
            """),
        WeightedNames.Parse("""
            Sarah:80 Emma:75 Laura:65 Rebecca:55 Claire:50 Nicola:45 Lisa:45 Kelly:40 Gemma:45 Amy:45 Jennifer:35
            Rachel:45 Hayley:35 Michelle:40 Samantha:40 Louise:45 Joanne:35 Stacey:30 Charlotte:40 Jessica:30 Hannah:35
            Natalie:35 Victoria:35 Katie:30 Lauren:30 Kirsty:25 Danielle:30 Leanne:25 Zoe:25 Kerry:25 Emily:30
            Sophie:30 Helen:30 Catherine:25 Elizabeth:30 Jane:20 Karen:20 Amanda:25 Donna:20 Jade:25 Chelsea:20
            Stephanie:25 Lucy:25 Kimberley:15 Carly:15 Amber:12 Megan:15 Chloe:20 Jodie:15 Siobhan:8 Aisling:4
            Margaret:5 Renée:2 Abigail:10 Eleanor:8
            """),
        WeightedNames.Parse("""
            David:70 James:65 Daniel:60 Michael:55 Christopher:55 Mark:50 Paul:50 Andrew:50 Matthew:50 Richard:40
            Thomas:40 Robert:40 John:40 Stephen:40 Lee:35 Craig:30 Jamie:35 Ben:20 Benjamin:20 Adam:35 Ryan:35 Luke:30
            Scott:30 Gareth:20 Darren:25 Wayne:20 Dean:20 Carl:20 Anthony:25 Jason:20 Simon:25 Kevin:20 Liam:25
            Nathan:25 Ashley:20 Joseph:25 Samuel:25 Jonathan:20 Peter:20 Gary:20 Neil:15 Sean:20 Kieran:15 Aaron:15
            Jack:20 William:20 Alexander:15 Edward:15 Frederick:5 Alfred:3 Callum:10 Connor:10 Charles:8 Henry:6
            """),
        WeightedNames.Parse("""
            Smith:100 Jones:80 Williams:60 Taylor:60 Brown:60 Davies:50 Evans:35 Wilson:45 Thomas:35 Johnson:40
            Roberts:35 Robinson:30 Thompson:35 Wright:30 Walker:30 White:30 Edwards:25 Hughes:25 Green:30 Hall:30
            Lewis:25 Harris:25 Clarke:25 Jackson:25 Wood:25 Turner:22 Martin:22 Cooper:22 Hill:22 Ward:22 Morris:20
            Moore:20 Clark:20 Lee:20 King:20 Baker:20 Harrison:18 Morgan:18 Allen:18 James:18 Scott:18 Phillips:16
            Watson:16 Davis:16 Parker:15 Price:15 Bennett:15 Young:15 Griffiths:14 Mitchell:14 Kelly:14 Cook:14
            Carter:14 Richardson:14 Bailey:13 Collins:13 Bell:13 Shaw:13 Murphy:13 Miller:13 Cox:12 Richards:12
            Marshall:12 Anderson:12 Simpson:12 Ellis:12 Adams:12 Wilkinson:11 Foster:11 Chapman:11 Powell:10 Webb:10
            Rogers:10 Gray:10 Mason:10 Hunt:10 Holmes:10 Palmer:10 Mills:10 Barnes:10 Knight:9 Lloyd:9 Butler:9
            Russell:9 Barker:9 Fisher:9 Stevens:9 Jenkins:9 Dixon:9 Fletcher:8 Fox:8 Howard:8 Kennedy:8 O'Brien:8
            O'Connor:6 McDonald:6 Campbell:7 Stewart:7 Fraser:5 Reid:6 Hamilton:5 Graham:6 Ross:5 Murray:6 Doherty:5
            Quinn:5 Gallagher:5 Walsh:6 Byrne:5 Lynch:5 Nolan:4 Flynn:4 Hartley:4 Whitehead:4 Ashworth:4 Sutcliffe:4
            Greenwood:4 Crowther:3 Pickering:3 Ackroyd:3 Bairstow:3 Holroyd:2 Brierley:2 Thackeray:2 Illingworth:2
            Mottram:2 Entwistle:2 Fairclough:2 Duckworth:2 Rigby:2 Heap:2 Sowerby:2 Bottomley:2 Haworth:2 Wadsworth:2
            Brook:3 Stansfield:2 Cockcroft:2 Uttley:2 Ormerod:2 Grimshaw:2 Shackleton:2 Tattersall:2 Pilling:2 Clegg:2
            Haigh:2 Firth:2 Lister:2 Oldroyd:2 Marsden:3 Brooke:3 Binns:2 Crossley:2 Hirst:2 Senior:2 Booth:3
            Bright:2 Ayres:2 Nuttall:2 Kershaw:2 Openshaw:1 Battersby:1 Cunliffe:1 Smyth:1 Smithson:1 Jones-Parry:1
            """),
        0.6);

    public static readonly NameCulture SouthAsianMuslim = new(
        "south_asian_muslim",
        WeightedNames.Parse("""
            Maryam:40 Aisha:40 Fatima:40 Zainab:30 Hafsa:25 Safa:15 Inaya:25 Amira:20 Aleena:20 Hania:15 Eshal:15
            Anaya:20 Zara:20 Khadija:20 Mariam:15 Sumaiya:10 Ayesha:15 Noor:15 Alisha:10 Hira:8
            """),
        WeightedNames.Parse("""
            Muhammad:100 Mohammed:60 Mohammad:20 Ibrahim:40 Yusuf:40 Adam:30 Ali:35 Musa:25 Ayaan:25 Zayn:25 Zain:10
            Hamza:30 Omar:25 Abdullah:25 Ahmed:20 Bilal:15 Zakariya:15 Imran:15 Usman:15 Haris:10 Rayyan:15 Hassan:10
            Hussain:6
            """),
        WeightedNames.Parse("""
            Nazia:30 Shabana:25 Saima:30 Farzana:25 Rubina:20 Samina:20 Shazia:25 Asma:20 Sadia:20 Ayesha:20
            Fatima:20 Rukhsana:15 Nasreen:15 Sabrina:10 Sana:15 Hina:15 Amina:10
            """),
        WeightedNames.Parse("""
            Mohammed:60 Muhammad:40 Imran:25 Asif:25 Tariq:20 Kamran:20 Naveed:15 Shahid:20 Zahid:20 Amjad:15
            Abdul:20 Khalid:15 Wasim:15 Irfan:15 Adnan:15 Faisal:15 Sajid:15 Arshad:15 Mohamed:10
            """),
        WeightedNames.Parse("""
            Khan:100 Hussain:80 Ali:70 Ahmed:60 Begum:40 Akhtar:30 Mahmood:30 Iqbal:30 Rehman:20 Rahman:25 Shah:30
            Butt:20 Malik:25 Mohammed:20 Bibi:15 Aslam:15 Hussein:8 Islam:15 Uddin:15 Miah:15 Choudhury:10 Raza:10
            Javed:10 Qureshi:10 Saleem:10 Anwar:10
            """),
        0.5);

    public static readonly NameCulture Indian = new(
        "indian",
        WeightedNames.Parse("Anaya:30 Saanvi:20 Aadhya:15 Diya:25 Riya:25 Ishani:10 Kiran:10 Priya:15 Simran:15 Jasleen:10 Navya:10 Amelia:8 Maya:10"),
        WeightedNames.Parse("Arjun:30 Aarav:25 Rohan:20 Dev:15 Krish:20 Veer:15 Jai:15 Arav:10 Harjot:10 Gurveer:10 Ravi:10 Oliver:5 Aryan:15"),
        WeightedNames.Parse("Priya:25 Sunita:20 Anita:20 Rupinder:15 Harpreet:20 Kamaljit:15 Manjit:15 Neelam:15 Pooja:20 Meera:15 Reena:15 Sonia:15"),
        WeightedNames.Parse("Rajesh:20 Sanjay:20 Amit:20 Vikram:15 Harjit:15 Gurpreet:15 Sukhdev:10 Manoj:15 Ravi:15 Deepak:15 Ajay:15 Jaswinder:10"),
        WeightedNames.Parse("""
            Patel:100 Singh:70 Kaur:40 Sharma:25 Kumar:25 Mistry:15 Gill:15 Sandhu:12 Sidhu:10 Johal:8 Parmar:12
            Chauhan:10 Shah:15 Mehta:10 Joshi:10 Desai:8 Lal:8 Bains:8 Dhillon:8
            """),
        0.4);

    public static readonly NameCulture EasternEuropean = new(
        "eastern_european",
        WeightedNames.Parse("Zuzanna:25 Julia:25 Maja:20 Zofia:20 Hanna:15 Lena:20 Oliwia:25 Amelia:15 Alicja:15 Wiktoria:20 Natalia:15 Antonina:10 Ioana:10 Andreea:8"),
        WeightedNames.Parse("Jakub:25 Antoni:20 Jan:20 Szymon:20 Filip:20 Kacper:20 Franciszek:10 Aleksander:15 Mikolaj:10 Andrei:10 David:8 Stefan:8"),
        WeightedNames.Parse("Anna:25 Katarzyna:25 Magdalena:20 Agnieszka:20 Joanna:20 Monika:20 Ewa:15 Karolina:15 Marta:15 Justyna:15 Paulina:15 Ioana:10 Andreea:8 Elena:10"),
        WeightedNames.Parse("Piotr:25 Tomasz:25 Krzysztof:20 Marcin:20 Pawel:20 Michal:20 Lukasz:20 Adam:15 Andrei:12 Ionut:10 Mihai:10 Bogdan:8"),
        WeightedNames.Parse("""
            Nowak:30 Wójcik:15 Kaczmarek:15 Mazur:15 Krawczyk:12 Wozniak:15 Kowalczyk:15 Popescu:12 Ionescu:8
            Popa:10 Dumitru:8 Stan:6 Lis:6 Wrobel:8 Pawlak:8 Michalak:6 Sikora:6 Baran:6 Dudek:6
            """),
        0.2);

    public static readonly NameCulture WestAfrican = new(
        "west_african",
        WeightedNames.Parse("Chidinma:15 Adaeze:15 Amara:20 Chioma:15 Ife:10 Tolu:10 Esther:15 Grace:15 Precious:15 Favour:15 Blessing:10 Oluwaseun:5"),
        WeightedNames.Parse("Chidi:15 Emeka:10 David:20 Daniel:20 Tobi:10 Femi:10 Kwame:10 Kofi:10 Samuel:15 Chinedu:10 Oluwatobi:10 Tunde:5 Joshua:10"),
        WeightedNames.Parse("Ngozi:15 Funmilayo:10 Adaeze:10 Abena:10 Akosua:10 Blessing:15 Grace:15 Comfort:10 Joy:10 Patience:10 Chiamaka:8"),
        WeightedNames.Parse("Oluwaseun:10 Chukwuemeka:10 Kwame:10 Kofi:10 Emmanuel:15 Samuel:15 Babatunde:10 Olumide:10 Ifeanyi:8 Yaw:8 Daniel:10"),
        WeightedNames.Parse("""
            Okonkwo:15 Adeyemi:15 Okafor:15 Mensah:15 Asante:10 Boateng:12 Osei:12 Adebayo:12 Eze:10 Nwosu:10
            Owusu:12 Oyelaran:6 Okoro:8 Afolabi:8 Okonkwo-Bright:3
            """),
        0.5);

    public static readonly NameCulture Somali = new(
        "somali",
        WeightedNames.Parse("Hodan:15 Amina:20 Sahra:15 Ayaan:10 Nimo:10 Hibo:10 Fadumo:10 Maryan:10 Ikran:8"),
        WeightedNames.Parse("Abdi:15 Mohamed:25 Ahmed:15 Abdirahman:15 Hassan:15 Yusuf:15 Omar:15 Abdullahi:10 Mustafe:8"),
        WeightedNames.Parse("Fadumo:15 Hodan:15 Sahra:15 Amina:20 Asha:15 Halima:15 Khadra:10 Nasra:10"),
        WeightedNames.Parse("Abdi:15 Mohamed:25 Hassan:15 Ali:15 Abdullahi:15 Ibrahim:10 Abdirahman:10 Farah:8"),
        WeightedNames.Parse("Mohamed:25 Ali:20 Hassan:15 Abdi:15 Ahmed:15 Farah:12 Osman:10 Hussein:10 Warsame:8 Jama:8 Omar:10 Nur:8"),
        0.3);

    /// <summary>The share of families in each tradition.</summary>
    public static readonly WeightedList<NameCulture> Cultures = new(
    [
        (British, 78), (SouthAsianMuslim, 8), (Indian, 4), (EasternEuropean, 5), (WestAfrican, 3), (Somali, 2),
    ]);

    /// <summary>Names for practitioners (social workers, officers): adults of every tradition.</summary>
    public static readonly WeightedList<NameCulture> PractitionerCultures = new(
    [
        (British, 80), (SouthAsianMuslim, 6), (Indian, 6), (EasternEuropean, 4), (WestAfrican, 4),
    ]);
}
