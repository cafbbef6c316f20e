"""Demo translations: the home page and "how to apply" in every language, the guarantee in
English and Arabic. Everything else falls back to Swedish (aliases kept by locale_setup).

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
        "If someone close to you has been violent towards you, we contact you the same day or the next day at the latest. Call the switchboard and say that it is urgent.",
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
        "إذا تعرضت للعنف من شخص قريب منك، نتواصل معك في اليوم نفسه أو في اليوم التالي على الأكثر. اتصل بالمقسم وقل إن الأمر عاجل.",
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
        "اگر یکی از نزدیکانتان با شما خشونت کرده است، همان روز یا حداکثر روز بعد با شما تماس می‌گیریم. با تلفن مرکزی تماس بگیرید و بگویید که موضوع فوری است.",
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
        "Haddii qof kuu dhow uu rabshad kuu geystay, waxaan kula soo xiriiraynaa isla maalintaas ama ugu dambeyn maalinta xigta. Wac xarunta taleefanka oo sheeg inay degdeg tahay.",
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
        "ሓደ ቀረባኹም ዓመጽ እንተ ኣውሪዱልኩም፡ በታ መዓልቲ ወይ ብዝደንጐየ ኣብ ዝቕጽል መዓልቲ ክንረኽበኩም ኢና። ናብ ማእከላይ ተሌፎን ደዊልኩም ህጹጽ ምዃኑ ንገሩ።",
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
        "Jos läheisesi on käyttänyt sinua kohtaan väkivaltaa, otamme sinuun yhteyttä samana päivänä tai viimeistään seuraavana päivänä. Soita vaihteeseen ja kerro, että asia on kiireellinen.",
        "Kuinka kauan päätöksen saaminen kestää?",
        "Lähetämme päätöksen 14 päivän kuluessa siitä, kun olet toimittanut kaikki pyytämämme asiakirjat.",
        "Voinko saada apua omalla kielelläni?",
        "Kyllä. Kerro siitä ajanvarauksen yhteydessä, niin järjestämme maksuttoman tulkin.",
    ),
}

GUARANTEE_INDEX = {
    "en": (
        "Service guarantee",
        "In our service guarantee we promise what you can expect from us, and what you can do if we do not keep our promises.",
    ),
    "ar": (
        "ضمان جودة الخدمة",
        "نَعِد في ضمان جودة الخدمة بما يمكنك توقعه منا، وبما يمكنك فعله إذا لم نفِ بوعودنا.",
    ),
}

GUARANTEE = {
    "en": {
        "title": "Service guarantee {year}",
        "mission": "<p>We investigate, assess and decide on financial assistance under the Social Services Act. The goal is that you can support yourself.</p>",
        "about_unit": "<p>Our staff include social workers in an intake group and an investigation group, benefit officers, budget and debt advisers and administrative assistants.</p><p>The reception receives applications and documents and helps you book a time.</p>",
        "how_we_keep": "<p>We follow up our targets every four months and report the results in our annual report. Every April we carry out a user survey.</p>",
        "if_we_fail": "<p>Contact the switchboard, leave a message for your case worker or contact the head of the unit. Your case worker or the reception will gladly help you give feedback.</p><p><strong>Feedback or a complaint is not an appeal.</strong> If you want to appeal a decision, your appeal must reach us within three weeks of when you were told about the decision. The administrative court decides on the appeal.</p>",
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
                "Your case worker can be reached during office hours.",
                "until we call back after a voicemail message",
            ),
            "skuldradgivning": (
                "You get an appointment with a budget and debt adviser",
                "Families with children get an appointment within a week.",
                "from when you contact us until your first meeting",
            ),
            "vald-i-nara-relation": (
                "If you have been exposed to violence, you get help straight away",
                "If someone close to you has been violent towards you, we contact you the same day.",
                "at the latest the day after you contacted us",
            ),
            "synpunkter": (
                "Your feedback makes us better",
                "We go through all feedback and complaints and use them to improve our work.",
                "",
            ),
        },
    },
    "ar": {
        "title": "ضمان جودة الخدمة {year}",
        "mission": "<p>نحقق في طلبات المساعدة المالية ونقيّمها ونتخذ القرار بشأنها وفقًا لقانون الخدمات الاجتماعية. الهدف أن تتمكن من إعالة نفسك.</p>",
        "about_unit": "<p>يعمل لدينا أخصائيون اجتماعيون في مجموعة الاستقبال ومجموعة التحقيق، وموظفو المعونات، ومستشارو الميزانية والديون، ومساعدون إداريون.</p><p>يستقبل مكتب الاستقبال الطلبات والمستندات ويساعدك على حجز موعد.</p>",
        "how_we_keep": "<p>نتابع أهدافنا كل أربعة أشهر وننشر النتائج في تقريرنا السنوي. وفي شهر أبريل من كل عام نجري استطلاعًا لآراء المستفيدين.</p>",
        "if_we_fail": "<p>اتصل بالمقسم أو اترك رسالة لموظفك المسؤول أو تواصل مع رئيس الوحدة. يسعد موظفك المسؤول أو موظفو الاستقبال بمساعدتك على تقديم ملاحظاتك.</p><p><strong>الملاحظة أو الشكوى ليست طعنًا.</strong> إذا أردت الطعن في قرار، يجب أن يصلنا طعنك خلال ثلاثة أسابيع من تاريخ علمك بالقرار. تنظر المحكمة الإدارية في الطعن.</p>",
        "signed_by_role": "رئيسة الوحدة",
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
                "يمكن الوصول إلى موظفك المسؤول خلال ساعات العمل.",
                "حتى نعاود الاتصال بعد رسالة في البريد الصوتي",
            ),
            "skuldradgivning": (
                "تحصل على موعد مع مستشار الميزانية والديون",
                "تحصل العائلات التي لديها أطفال على موعد خلال أسبوع.",
                "من وقت تواصلك معنا حتى أول لقاء",
            ),
            "vald-i-nara-relation": (
                "إذا تعرضت للعنف تحصل على المساعدة فورًا",
                "إذا تعرضت للعنف من شخص قريب منك نتواصل معك في اليوم نفسه.",
                "في اليوم التالي لتواصلك معنا على الأكثر",
            ),
            "synpunkter": (
                "ملاحظاتك تجعلنا أفضل",
                "ندرس جميع الملاحظات والشكاوى ونستخدمها لتحسين عملنا.",
                "",
            ),
        },
    },
}


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

    for code, texts in GUARANTEE.items():
        index_title, index_intro = GUARANTEE_INDEX[code]
        translate(guarantee_index, code, title=index_title, intro=f"<p>{index_intro}</p>")
        fields = {k: v for k, v in texts.items() if k != "commitments"}
        fields["title"] = fields["title"].format(year=current.valid_from.year)
        translate(
            current,
            code,
            prepare=lambda page, texts=texts: localise_commitments(page, texts["commitments"]),
            **fields,
        )
