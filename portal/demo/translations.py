"""Demo translations: the home page and "how to apply" in every language, the guarantee in
English and Arabic, the appeal guidance in English, Arabic and Somali. Everything else falls
back to Swedish (aliases kept by locale_setup).

Texts other than Swedish and English were drafted without a native speaker and need review.
"""

from wagtail.models import Locale, Page

from portal.demo.streamdata import stream
from portal.models import GuaranteeIndexPage, GuaranteePage, GuidanceIndexPage, GuidancePage

HOME = {
    "en": (
        "Financial Assistance Unit",
        "We help people who live in Kungsholmen, Norrmalm or Östermalm and need financial assistance. Here you find our opening hours, our service guarantee and how to apply.",
    ),
    "ar": (
        "وحدة المساعدة المالية",
        "نساعد الأشخاص الذين يسكنون في كونغسهولمن أو نورمالم أو أوسترمالم ويحتاجون إلى مساعدة مالية. هنا تجد مواعيد العمل وضمان جودة الخدمة وطريقة تقديم الطلب.",
    ),
    "fa": (
        "واحد کمک مالی",
        "ما به ساکنان کونگسهولمن، نورمالم یا اوسترمالم که به کمک مالی نیاز دارند کمک می‌کنیم. ساعات کاری، ضمانت کیفیت خدمات و نحوه درخواست را اینجا پیدا می‌کنید.",
    ),
    "so": (
        "Qaybta Kaalmada Dhaqaalaha",
        "Waxaan caawinnaa dadka ku nool Kungsholmen, Norrmalm ama Östermalm ee u baahan kaalmo dhaqaale. Halkan waxaad ka helaysaa saacadaha furitaanka, dammaanadda adeegga iyo sida loo codsado.",
    ),
    "ti": (
        "ክፍሊ ቍጠባዊ ሓገዝ",
        "ኣብ ኩንግስሆልመን፡ ኖርማልም ወይ ኦስተርማልም ንትነብሩን ቍጠባዊ ሓገዝ ዘድልየኩምን ንሕግዝ። ኣብዚ ሰዓታት ስራሕና፡ ውሕስነት ኣገልግሎትናን ከመይ ከም እትሓቱን ክትረኽቡ ኢኹም።",
    ),
    "fi": (
        "Toimeentulotukiyksikkö",
        "Autamme Kungsholmenissa, Norrmalmissa tai Östermalmissa asuvia, jotka tarvitsevat toimeentulotukea. Täältä löydät aukioloaikamme, palvelulupauksemme ja ohjeet tuen hakemiseen.",
    ),
}

GUIDANCE_INDEX = {
    "en": (
        "Financial assistance",
        "Information about financial assistance and how we can help you.",
    ),
    "ar": ("المساعدة المالية", "معلومات عن المساعدة المالية وكيف يمكننا مساعدتك."),
    "fa": ("کمک مالی", "اطلاعاتی درباره کمک مالی و اینکه چگونه می‌توانیم به شما کمک کنیم."),
    "so": (
        "Kaalmada dhaqaalaha",
        "Macluumaad ku saabsan kaalmada dhaqaalaha iyo sida aan kuu caawin karno.",
    ),
    "ti": ("ቍጠባዊ ሓገዝ", "ብዛዕባ ቍጠባዊ ሓገዝን ከመይ ክንሕግዘኩም ከም እንኽእልን ሓበሬታ።"),
    "fi": ("Toimeentulotuki", "Tietoa toimeentulotuesta ja siitä, miten voimme auttaa sinua."),
}

# title, summary, intro, booking heading, booking text, bring heading, things to bring,
# violence notice title, violence notice text, question 1, answer 1, question 2, answer 2
APPLY = {
    "en": (
        "How to apply for financial assistance",
        "Who can get financial assistance, what to bring and how long it takes.",
        "Financial assistance is support for people who cannot support themselves in any other way. First you must have tried wages, unemployment benefit, sickness benefit, housing allowance and other benefits.",
        "Book a time for a first visit",
        "Call the booking line for first visits. You will get an appointment within 14 days.",
        "What to bring",
        [
            "Proof of identity",
            "Your tenancy agreement or rent notice",
            "Bank statements for the last three months",
            "Decisions about other benefits",
        ],
        "Exposed to violence?",
        "If someone close to you has been violent towards you, tell us when you call. You will then speak to a social worker as soon as possible. If you are in danger right now, call 112.",
        "How long does it take to get a decision?",
        "We send the decision within 14 days from when you handed in all the documents we asked for.",
        "Can I get help in my own language?",
        "Yes. Tell us when you book and we will arrange an interpreter free of charge.",
    ),
    "ar": (
        "كيف تقدم طلبًا للحصول على المساعدة المالية",
        "من يمكنه الحصول على المساعدة المالية، وما الذي تحضره معك، وكم من الوقت يستغرق ذلك.",
        "المساعدة المالية دعم لمن لا يستطيع إعالة نفسه بطريقة أخرى. يجب أولًا أن تكون قد حاولت الحصول على الراتب أو تعويض البطالة أو تعويض المرض أو بدل السكن أو غيرها من التعويضات.",
        "احجز موعدًا للزيارة الأولى",
        "اتصل بخط حجز الزيارات الأولى. ستحصل على موعد خلال 14 يومًا.",
        "ما الذي تحضره معك",
        [
            "إثبات الهوية",
            "عقد الإيجار أو إشعار الإيجار",
            "كشوف الحساب المصرفي لآخر ثلاثة أشهر",
            "قرارات بشأن التعويضات الأخرى",
        ],
        "هل تعرضت للعنف؟",
        "إذا تعرضت للعنف من شخص قريب منك، أخبرنا بذلك عندما تتصل بنا. عندها تتحدث مع أخصائي اجتماعي في أقرب وقت ممكن. إذا كنت في خطر الآن، اتصل بالرقم 112.",
        "كم من الوقت يستغرق الحصول على قرار؟",
        "نرسل القرار خلال 14 يومًا من تاريخ تسليمك جميع المستندات التي طلبناها.",
        "هل يمكنني الحصول على مساعدة بلغتي؟",
        "نعم. أخبرنا عند الحجز وسنوفر لك مترجمًا فوريًا مجانًا.",
    ),
    "fa": (
        "چگونه برای کمک مالی درخواست بدهید",
        "چه کسانی می‌توانند کمک مالی بگیرند، چه مدارکی همراه بیاورید و چقدر طول می‌کشد.",
        "کمک مالی حمایتی است برای کسانی که از راه دیگری نمی‌توانند هزینه زندگی خود را تأمین کنند. ابتدا باید حقوق، بیمه بیکاری، کمک هزینه بیماری، کمک هزینه مسکن و سایر مزایا را امتحان کرده باشید.",
        "برای اولین ملاقات وقت بگیرید",
        "با خط نوبت‌دهی برای ملاقات اول تماس بگیرید. ظرف ۱۴ روز به شما وقت داده می‌شود.",
        "چه چیزهایی همراه بیاورید",
        [
            "مدرک شناسایی",
            "قرارداد اجاره یا قبض اجاره",
            "صورت‌حساب بانکی سه ماه گذشته",
            "تصمیم‌های مربوط به سایر مزایا",
        ],
        "در معرض خشونت هستید؟",
        "اگر یکی از نزدیکانتان با شما خشونت کرده است، هنگام تماس به ما بگویید. آنگاه در اسرع وقت با یک مددکار اجتماعی صحبت می‌کنید. اگر همین حالا در خطر هستید، با ۱۱۲ تماس بگیرید.",
        "گرفتن تصمیم چقدر طول می‌کشد؟",
        "ما تصمیم را ظرف ۱۴ روز از زمانی که همه مدارک خواسته‌شده را تحویل داده‌اید ارسال می‌کنیم.",
        "آیا می‌توانم به زبان خودم کمک بگیرم؟",
        "بله. هنگام گرفتن وقت به ما بگویید تا یک مترجم رایگان برایتان بگیریم.",
    ),
    "so": (
        "Sida loo codsado kaalmo dhaqaale",
        "Cidda heli karta kaalmo dhaqaale, waxa aad keenayso iyo inta ay qaadanayso.",
        "Kaalmada dhaqaaluhu waa taageero loogu talagalay dadka aan si kale isu masruufi karin. Marka hore waa inaad isku dayday mushahar, gunnada shaqo la'aanta, gunnada jirada, kaalmada guriga iyo gunnooyin kale.",
        "Ballan u qabso booqashada koowaad",
        "Wac khadka ballamaha booqashada koowaad. Waxaad heli doontaa ballan 14 maalmood gudahood.",
        "Waxa aad keenayso",
        [
            "Aqoonsi",
            "Heshiiska kirada ama warqadda kirada",
            "Bayaanka bangiga saddexdii bilood ee u dambeysay",
            "Go'aamada gunnooyinka kale",
        ],
        "Ma lagu xadgudbay?",
        "Haddii qof kuu dhow uu rabshad kuu geystay, noo sheeg marka aad na soo wacdo. Markaas waxaad la hadli doontaa shaqaale bulsho sida ugu dhakhsaha badan. Haddii aad hadda khatar ku jirto, wac 112.",
        "Immisa waqti ayay qaadanaysaa in go'aan la helo?",
        "Waxaan soo dirnaa go'aanka 14 maalmood gudahood laga bilaabo marka aad keento dhammaan dukumentiyada aan ku weydiinnay.",
        "Ma heli karaa caawimaad luqaddayda?",
        "Haa. Noo sheeg marka aad ballanta qabsanayso, waxaan kuu diyaarin doonnaa turjubaan bilaash ah.",
    ),
    "ti": (
        "ንቍጠባዊ ሓገዝ ከመይ ጌርኩም ትሓትዉ",
        "መን ቍጠባዊ ሓገዝ ክረክብ ይኽእል፡ እንታይ ሒዝኩም ትመጽኡን ክንደይ ግዜ ይወስድን።",
        "ቍጠባዊ ሓገዝ ንዓቕሞም ብኻልእ መንገዲ ክናበዩ ዘይክእሉ ሰባት ዝወሃብ ደገፍ እዩ። መጀመርታ ደሞዝ፡ ናይ ስራሕ ኣልቦ ካሕሳ፡ ናይ ሕማም ካሕሳ፡ ናይ ገዛ ሓገዝን ካልኦት ካሕሳታትን ክትፍትኑ ኣለኩም።",
        "ንመጀመርታ ምብጻሕ ቈጸራ ሓዙ",
        "ናብ መስመር ቈጸራ መጀመርታ ምብጻሕ ደውሉ። ኣብ ውሽጢ 14 መዓልቲ ቈጸራ ክወሃበኩም እዩ።",
        "እንታይ ሒዝኩም ትመጽኡ",
        [
            "መንነት ዘረጋግጽ ሰነድ",
            "ውዕል ክራይ ወይ ሓበሬታ ክራይ",
            "ናይ ዝሓለፉ ሰለስተ ኣዋርሕ ናይ ባንኪ ጸብጻብ",
            "ብዛዕባ ካልኦት ካሕሳታት ዝተወሰኑ ውሳነታት",
        ],
        "ዓመጽ በጺሑኩም ድዩ?",
        "ሓደ ቀረባኹም ዓመጽ እንተ ኣውሪዱልኩም፡ ክትድውሉልና ከለኹም ንገሩና። ሽዑ ብዝተኻእለ መጠን ቀልጢፍኩም ምስ ማሕበራዊ ሰራሕተኛ ክትዛረቡ ኢኹም። ሕጂ ኣብ ሓደጋ እንተ ሃሊኹም ናብ 112 ደውሉ።",
        "ውሳነ ንምርካብ ክንደይ ግዜ ይወስድ?",
        "ዝሓተትናዮም ሰነዳት ኩሎም ካብ ዘረከብኩምሉ መዓልቲ ኣብ ውሽጢ 14 መዓልቲ ውሳነ ንሰድድ።",
        "ብቛንቋይ ሓገዝ ክረክብ እኽእል ዶ?",
        "እወ። ቈጸራ ክትሕዙ ከለኹም ንገሩና፡ ብነጻ ተርጓሚ ነዳልወልኩም።",
    ),
    "fi": (
        "Näin haet toimeentulotukea",
        "Kuka voi saada toimeentulotukea, mitä tuoda mukanaan ja kuinka kauan käsittely kestää.",
        "Toimeentulotuki on tukea niille, jotka eivät pysty elättämään itseään muulla tavalla. Ensin sinun on täytynyt hakea palkkaa, työttömyyskorvausta, sairauspäivärahaa, asumistukea ja muita etuuksia.",
        "Varaa aika ensikäynnille",
        "Soita ensikäyntien ajanvaraukseen. Saat ajan 14 päivän kuluessa.",
        "Mitä tuoda mukanaan",
        [
            "Henkilöllisyystodistus",
            "Vuokrasopimus tai vuokralasku",
            "Tiliotteet kolmelta viimeiseltä kuukaudelta",
            "Päätökset muista etuuksista",
        ],
        "Oletko kokenut väkivaltaa?",
        "Jos läheisesi on käyttänyt sinua kohtaan väkivaltaa, kerro siitä soittaessasi meille. Pääset silloin puhumaan sosiaalityöntekijän kanssa mahdollisimman pian. Jos olet vaarassa juuri nyt, soita 112.",
        "Kuinka kauan päätöksen saaminen kestää?",
        "Lähetämme päätöksen 14 päivän kuluessa siitä, kun olet toimittanut kaikki pyytämämme asiakirjat.",
        "Voinko saada apua omalla kielelläni?",
        "Kyllä. Kerro siitä ajanvarauksen yhteydessä, niin järjestämme maksuttoman tulkin.",
    ),
}

# title, introduction, the note that today's guarantee is an example
GUARANTEE_INDEX = {
    "en": (
        "Service guarantee",
        "In our service guarantee we promise what you can expect from us, and what you can do if we do not keep our promises.",
        "The guarantee in force today is an example page: names, dates and targets are examples. The 2007 guarantee is based on the guarantee the unit's predecessor had that year.",
    ),
    "ar": (
        "ضمان جودة الخدمة",
        "نَعِد في ضمان جودة الخدمة بما يمكنك توقعه منا، وبما يمكنك فعله إذا لم نفِ بوعودنا.",
        "الضمان الساري اليوم صفحة نموذجية: الأسماء والتواريخ والأهداف أمثلة فقط. ويستند ضمان عام 2007 إلى الضمان الذي كان لدى الجهة السابقة للوحدة في ذلك العام.",
    ),
}

GUARANTEE = {
    "en": {
        "title": "Service guarantee {year} (example)",
        "mission": "<p>We investigate, assess and decide on financial assistance under the Social Services Act. The goal is that you can support yourself.</p>",
        "about_unit": "<p>Our staff include social workers in an intake group and an investigation group, benefit officers, budget and debt advisers and administrative assistants.</p><p>The reception receives applications and documents and helps you book a time.</p>",
        "how_we_keep": "<p><strong>This is an example page: names, dates and targets are examples.</strong> It shows what a service guarantee can look like on the website. It is not a decision of the district committee.</p><p>We follow up our targets every four months and report the results in our annual report. Every April we carry out a user survey. We discuss feedback and complaints at our staff meetings, where we decide on changes.</p>",
        "if_we_fail": "<p>Contact the switchboard, leave a message for your case worker or contact the head of the unit. Your case worker or the reception will gladly help you give feedback.</p><p><strong>Feedback or a complaint is not an appeal.</strong> If you want to appeal a decision, your appeal must reach us within three weeks of when you were told about the decision. The administrative court decides on the appeal.</p>",
        "signed_by_name": "First name Last name (example)",
        "signed_by_role": "head of unit",
        "commitments": {
            "bemotande": (
                "You are treated professionally and with respect",
                "We respect your privacy and your right to decide for yourself in every contact.",
                "",
            ),
            "nybesok": (
                "You get a first appointment quickly",
                "Booking for first visits is open five days a week.",
                "from when you book until your first visit",
            ),
            "beslut": (
                "You get a decision without delay",
                "We investigate your application and send the decision as soon as we have all the documents.",
                "from the day you handed in the documents we asked for",
            ),
            "overklagande": (
                "You are told how to appeal",
                "If your application is rejected, you get written information on how to appeal the decision.",
                "",
            ),
            "nabarhet": (
                "It is easy to get in touch with us",
                "Your case worker can be reached during office hours, Monday to Friday. Call the switchboard and ask to speak to your case worker.",
                "",
            ),
            "synpunkter": (
                "Your feedback makes us better",
                "We go through all feedback and complaints and use them to improve our work. We always answer written complaints in writing.",
                "",
            ),
        },
    },
    "ar": {
        "title": "ضمان جودة الخدمة {year} (مثال)",
        "mission": "<p>نحقق في طلبات المساعدة المالية ونقيّمها ونتخذ القرار بشأنها وفقًا لقانون الخدمات الاجتماعية. الهدف أن تتمكن من إعالة نفسك.</p>",
        "about_unit": "<p>يعمل لدينا أخصائيون اجتماعيون في مجموعة الاستقبال ومجموعة التحقيق، وموظفو المعونات، ومستشارو الميزانية والديون، ومساعدون إداريون.</p><p>يستقبل مكتب الاستقبال الطلبات والمستندات ويساعدك على حجز موعد.</p>",
        "how_we_keep": "<p><strong>هذه صفحة نموذجية: الأسماء والتواريخ والأهداف أمثلة فقط.</strong> توضح الصفحة الشكل الذي يمكن أن يبدو عليه ضمان جودة الخدمة على الموقع، وهي ليست قرارًا صادرًا عن لجنة المنطقة.</p><p>نتابع أهدافنا كل أربعة أشهر وننشر النتائج في تقريرنا السنوي. وفي شهر أبريل من كل عام نجري استطلاعًا لآراء المستفيدين. ونناقش الملاحظات والشكاوى في اجتماعات الموظفين حيث نقرر التغييرات.</p>",
        "if_we_fail": "<p>اتصل بالمقسم أو اترك رسالة لموظفك المسؤول أو تواصل مع رئيس الوحدة. يسعد موظفك المسؤول أو موظفو الاستقبال بمساعدتك على تقديم ملاحظاتك.</p><p><strong>الملاحظة أو الشكوى ليست طعنًا.</strong> إذا أردت الطعن في قرار، يجب أن يصلنا طعنك خلال ثلاثة أسابيع من تاريخ علمك بالقرار. تنظر المحكمة الإدارية في الطعن.</p>",
        "signed_by_name": "الاسم الأول واسم العائلة (مثال)",
        "signed_by_role": "رئيس الوحدة",
        "commitments": {
            "bemotande": (
                "نعاملك بمهنية واحترام",
                "نحترم خصوصيتك وحقك في اتخاذ قراراتك في كل تواصل معنا.",
                "",
            ),
            "nybesok": (
                "تحصل على موعد أول بسرعة",
                "حجز مواعيد الزيارة الأولى متاح خمسة أيام في الأسبوع.",
                "من وقت الحجز حتى زيارتك الأولى",
            ),
            "beslut": (
                "تحصل على قرار دون تأخير",
                "ندرس طلبك ونرسل القرار فور حصولنا على جميع المستندات.",
                "من يوم تسليمك المستندات التي طلبناها",
            ),
            "overklagande": (
                "نخبرك بكيفية الطعن",
                "إذا رُفض طلبك تحصل على معلومات مكتوبة عن كيفية الطعن في القرار.",
                "",
            ),
            "nabarhet": (
                "من السهل التواصل معنا",
                "يمكن الوصول إلى موظفك المسؤول خلال ساعات العمل من الاثنين إلى الجمعة. اتصل بالمقسم واطلب التحدث مع موظفك المسؤول.",
                "",
            ),
            "synpunkter": (
                "ملاحظاتك تجعلنا أفضل",
                "ندرس جميع الملاحظات والشكاوى ونستخدمها لتحسين عملنا. ونرد دائمًا كتابيًا على الشكاوى المكتوبة.",
                "",
            ),
        },
    },
}


# "Om du inte är nöjd med ett beslut" (slug overklaga-ett-beslut); the Swedish text is in
# content.py. Keys in the order of the page: see appeal_body().
APPEAL = {
    "en": {
        "title": "If you are not satisfied with a decision",
        "summary": "How to appeal a decision, and the difference between an appeal and a complaint.",
        "intro": "If your application has been rejected, or you disagree with a decision we have made, you can appeal. A court will then review the decision.",
        "how_heading": "How to appeal",
        "steps": [
            "Write which decision you are appealing, for example the date of the decision.",
            "Write why you think the decision is wrong and how you want it changed.",
            "Write your name and how we can contact you, and sign the appeal.",
        ],
        "send": "Send or hand in your appeal to us, not to the court. It must reach us within three weeks from the day you were told about the decision. We check that it arrived in time and send it on to the administrative court (förvaltningsrätten), which reviews it. If we find that our decision was wrong, we can change it ourselves.",
        "notice_title": "A complaint is not an appeal",
        "notice": "A complaint or other feedback helps us improve, but it does not change a decision. If you want a decision changed, you must appeal within three weeks.",
        "help_heading": "You can get help",
        "help": "Your case worker will gladly help you write your appeal. You can also get help at the reception. If you need an interpreter, tell us when you call.",
        "contact_title": "Contact your case worker",
        "contact_text": "Call the switchboard and ask to speak to your case worker.",
    },
    # Drafted without a native speaker: needs review.
    "ar": {
        "title": "إذا لم تكن راضيًا عن قرار",
        "summary": "كيف تطعن في قرار، والفرق بين الطعن والشكوى.",
        "intro": "إذا رُفض طلبك أو لم تكن موافقًا على قرار اتخذناه، يمكنك الطعن فيه. عندها تنظر محكمة في القرار.",
        "how_heading": "كيف تقدم طعنًا",
        "steps": [
            "اكتب القرار الذي تطعن فيه، مثل تاريخ القرار.",
            "اكتب لماذا تعتقد أن القرار خاطئ وكيف تريد أن يُغيَّر.",
            "اكتب اسمك وكيف يمكننا التواصل معك، ووقّع على الطعن.",
        ],
        "send": "أرسل طعنك إلينا أو سلّمه لنا، وليس إلى المحكمة. يجب أن يصلنا خلال ثلاثة أسابيع من اليوم الذي علمت فيه بالقرار. نتحقق من أنه وصل في الوقت المحدد ثم نرسله إلى المحكمة الإدارية (förvaltningsrätten) التي تنظر فيه. وإذا وجدنا أن قرارنا كان خاطئًا يمكننا أن نغيّره بأنفسنا.",
        "notice_title": "الشكوى ليست طعنًا",
        "notice": "تساعدنا الشكوى أو الملاحظة على التحسن، لكنها لا تغيّر القرار. إذا أردت تغيير قرار، يجب أن تطعن فيه خلال ثلاثة أسابيع.",
        "help_heading": "يمكنك الحصول على المساعدة",
        "help": "يسعد موظفك المسؤول بمساعدتك على كتابة طعنك. ويمكنك أيضًا الحصول على المساعدة في مكتب الاستقبال. إذا كنت بحاجة إلى مترجم فوري، أخبرنا بذلك عندما تتصل.",
        "contact_title": "تواصل مع موظفك المسؤول",
        "contact_text": "اتصل بالمقسم واطلب التحدث مع موظفك المسؤول.",
    },
    # Drafted without a native speaker: needs review.
    "so": {
        "title": "Haddii aadan ku qanacsanayn go'aan",
        "summary": "Sida rafcaan looga qaato go'aan, iyo farqiga u dhexeeya rafcaan iyo cabasho.",
        "intro": "Haddii codsigaaga la diiday, ama aadan ku raacsanayn go'aan aan gaarnay, waad ka qaadan kartaa rafcaan. Markaas maxkamad ayaa dib u eegaysa go'aanka.",
        "how_heading": "Sida rafcaan loo qaato",
        "steps": [
            "Qor go'aanka aad rafcaanka ka qaadanayso, tusaale ahaan taariikhda go'aanka.",
            "Qor sababta aad u aaminsan tahay in go'aanku khaldan yahay iyo sida aad rabto in loo beddelo.",
            "Qor magacaaga iyo sida lagula soo xiriiri karo, kadibna saxiix rafcaanka.",
        ],
        "send": "Rafcaanka noo soo dir ama noo keen, ha u dirin maxkamadda. Waa inuu na soo gaaraa saddex toddobaad gudahood laga bilaabo maalinta lagu ogeysiiyay go'aanka. Waxaan hubinaynaa inuu waqtigiisa yimid, kadibna waxaan u gudbinaynaa maxkamadda maamulka (förvaltningsrätten), oo dib u eegaysa. Haddii aan ogaanno in go'aankayagu khaldanaa, annaga ayaa beddeli karna.",
        "notice_title": "Cabashadu ma aha rafcaan",
        "notice": "Cabasho ama fikrad kale waxay naga caawisaa inaan hagaagno, laakiin ma beddesho go'aan. Haddii aad rabto in go'aan la beddelo, waa inaad rafcaan qaadataa saddex toddobaad gudahood.",
        "help_heading": "Waad heli kartaa caawimaad",
        "help": "Shaqaalaha kiiskaaga ayaa kaa caawin kara qorista rafcaankaaga. Sidoo kale waxaad caawimaad ka heli kartaa soo dhaweynta. Haddii aad u baahan tahay turjubaan, noo sheeg marka aad soo wacdo.",
        "contact_title": "La xiriir shaqaalaha kiiskaaga",
        "contact_text": "Wac xarunta taleefanka oo weydiiso inaad la hadasho shaqaalaha kiiskaaga.",
    },
}


def appeal_body(texts: dict) -> str:
    """The appeal guidance page's body, the same blocks in every language."""
    steps = "".join(f"<li>{step}</li>" for step in texts["steps"])
    return stream(
        ("paragraph", f"<p>{texts['intro']}</p>"),
        ("heading", {"text": texts["how_heading"], "level": "h2"}),
        ("paragraph", f"<ul>{steps}</ul>"),
        ("paragraph", f"<p>{texts['send']}</p>"),
        (
            "notice",
            {"kind": "info", "title": texts["notice_title"], "text": f"<p>{texts['notice']}</p>"},
        ),
        ("heading", {"text": texts["help_heading"], "level": "h2"}),
        ("paragraph", f"<p>{texts['help']}</p>"),
        (
            "contact",
            {
                "title": texts["contact_title"],
                "phone": "08-508 10 000",
                "text": texts["contact_text"],
                "email": "",
                "address": "",
            },
        ),
    )


def translate(page: Page, code: str, prepare=None, **fields) -> Page:
    """Publish a translation of ``page`` into ``code`` unless that locale already has one."""
    locale = Locale.objects.get(language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    if prepare:
        prepare(translation)
    translation.save_revision().publish()
    return translation


def localise_commitments(translation: GuaranteePage, texts: dict) -> None:
    commitments = list(translation.commitments.all())
    for commitment in commitments:
        if commitment.code in texts:
            title, explanation, measures = texts[commitment.code]
            commitment.title, commitment.explanation = title, explanation
            commitment.target_measures = measures
    translation.commitments = commitments


def _apply_body(texts) -> str:
    (
        _title,
        _summary,
        intro,
        booking_heading,
        booking,
        bring_heading,
        bring,
        notice_title,
        notice,
        question_1,
        answer_1,
        question_2,
        answer_2,
    ) = texts
    items = "".join(f"<li>{item}</li>" for item in bring)
    return stream(
        ("paragraph", f"<p>{intro}</p>"),
        ("heading", {"text": booking_heading, "level": "h2"}),
        ("paragraph", f"<p>{booking}</p>"),
        ("heading", {"text": bring_heading, "level": "h2"}),
        ("paragraph", f"<ul>{items}</ul>"),
        ("notice", {"kind": "warning", "title": notice_title, "text": f"<p>{notice}</p>"}),
        ("question", {"question": question_1, "answer": f"<p>{answer_1}</p>"}),
        ("question", {"question": question_2, "answer": f"<p>{answer_2}</p>"}),
        (
            "contact",
            {
                "title": booking_heading,
                "phone": "08-508 10 000",
                "text": "",
                "email": "",
                "address": "",
            },
        ),
    )


def translate_demo_pages(home: Page) -> None:
    guidance_index = GuidanceIndexPage.objects.child_of(home).first()
    apply_page = GuidancePage.objects.child_of(guidance_index).get(slug="sa-ansoker-du")
    appeal_page = GuidancePage.objects.child_of(guidance_index).get(slug="overklaga-ett-beslut")
    guarantee_index = GuaranteeIndexPage.objects.child_of(home).first()
    current = GuaranteePage.objects.child_of(guarantee_index).order_by("-valid_from").first()

    for code, (title, intro) in HOME.items():
        translate(home, code, title=title, intro=f"<p>{intro}</p>")
        index_title, index_intro = GUIDANCE_INDEX[code]
        translate(guidance_index, code, title=index_title, intro=f"<p>{index_intro}</p>")
        translate(
            apply_page,
            code,
            title=APPLY[code][0],
            summary=APPLY[code][1],
            body=_apply_body(APPLY[code]),
        )

    for code, texts in APPEAL.items():
        translate(
            appeal_page,
            code,
            title=texts["title"],
            summary=texts["summary"],
            body=appeal_body(texts),
        )

    for code, texts in GUARANTEE.items():
        index_title, index_intro, index_example = GUARANTEE_INDEX[code]
        translate(
            guarantee_index,
            code,
            title=index_title,
            intro=f"<p>{index_intro}</p><p>{index_example}</p>",
        )
        fields = {k: v for k, v in texts.items() if k != "commitments"}
        fields["title"] = fields["title"].format(year=current.valid_from.year)
        translate(
            current,
            code,
            prepare=lambda page, texts=texts: localise_commitments(page, texts["commitments"]),
            **fields,
        )
