// What a line of page furniture looks like, by its words, in the languages Lede meets: copyright
// notices and disclosures, widget labels, calls to sign up or sign in, pointers to other stories,
// headings of "more stories" lists, credit labels, the contacts that end a press release. The body
// clean-up (body-cleanup.ts) decides where in the body each is read.
import { LINE_CREDIT_LABEL } from './photo-credit.ts';
import { alternation, matchesAny } from './regex-set.ts';
import { SPACE_RUNS } from './loose-key.ts';

/** Copyright notices, disclosures and blog footers, which run longer than other furniture: read up to LEGAL_MAX_CHARS. */
const LEGAL = [
  // Blog-engine footers, which list every category and tag of the post ("This entry was posted in …").
  /^this (?:entry|post) was posted in\b|\bbookmark the permalink\.?$/i,
  /^(?:dieser|der) (?:beitrag|eintrag|artikel) wurde (?:am\b.{0,80}?)?(?:veröffentlicht|erstellt|abgelegt)\b|^erstellt am\b.{0,80}\babgelegt unter\b/i,
  /all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|todos os direitos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone|無断転載|版权所有/i,
  /\bcopyrighted (?:property|material) of\b|\b(?:written permission|prior permission) (?:must be obtained|is required)\b|\b(?:may not|must not) be (?:re)?(?:published|produced|printed|distributed)\b.{0,60}\bwithout\b/i,
  /^(?:this (?:post|article|page|story) (?:may )?contains? (?:affiliate|references to products)|advertiser disclosure\b|editorial (?:note|disclosure)\s*:\s*opinions expressed)/i,
  // Licences and disclaimers ("Dieser Text wurde veröffentlicht unter der Lizenz CC-BY…", "The views expressed are the author's own").
  /^(?:(?:dieser|der) (?:text|beitrag|artikel|inhalt) (?:wurde|ist|steht) (?:veröffentlicht )?unter (?:der|einer) (?:lizenz|creative)|this (?:work|article|text|post|content) is (?:licensed|published|available) under|sofern nicht anders (?:ausgewiesen|angegeben|vermerkt)|(?:dieser|der) (?:beitrag|artikel|text) gibt (?:die|ausschließlich die) meinung (?:des|der) (?:autors|autorin)|the (?:views|opinions) expressed (?:here|in this (?:article|post|piece)) are|.{0,80}\bis not responsible for the (?:opinions|views|content)\b)/i,
];
const LEGAL_MAX_CHARS = 400;
/** The reaction buttons of Korean news pages. */
const KO_REACTIONS = String.raw`좋아요|훈훈해요|슬퍼요|화나요|후속\s*기사\s*원해요|후속\s*요청|추천해요|감동이에요|놀랐어요|싫어요|최고예요|응원해요|궁금해요|기뻐요|쏠쏠정보|흥미진진|공감백배|분석탁월|후속강추|팬이에요|놀라워요|재밌어요|유익해요`;

const BOILERPLATE = [
  // A server's error printed into the page ("Warning: Creating default object … in /www/…/x.php on line 407").
  /^(?:warning|notice|deprecated|fatal error|parse error|strict standards)\s*:.{1,200}\bin\s+\/\S+\s+on line\s+\d+/i,
  // Blog-engine footers and prompts around the story ("This entry was posted in …", "Was this article helpful?").
  /^(?:kategorie|kategorien|category|categories|catégorie|categoría|categoria|kategoria)\s*:\s*[\p{L}\p{N} ,&/-]{1,60}$/iu,
  /^(?:was this (?:article|page|post|story) (?:helpful|useful)|war (?:der|dieser) (?:artikel|beitrag) (?:hilfreich|nützlich)|(?:möchten sie )?(?:den|diesen) (?:artikel|beitrag) (?:mit anderen )?teilen)\b/i,
  /\b(?:download|get) (?:our|the) [\p{L}\p{N} .'-]{0,30}\bapps?\b.{0,40}(?:ios|iphone|android|app store|google play)|\bstraight to your phone with the\b/iu,
  /^(?:you can )?(?:keep up with|follow) (?:me|him|her) on (?:twitter|x|instagram|facebook|linkedin|mastodon|bluesky)\b/i,
  /^(?:anzeige|werbung|advertisement|publicidad|publicité)\s*[-–—:|]/i,
  /무단\s*전재|재배포\s*금지|무단\s*복제|AI\s*학습\s*(?:및\s*)?활용\s*금지|저작권자\s*[ⓒ©(]/,
  /^(?:copyright|ⓒ|©|\(c\))\s*(?:\d{4}|[\p{L}])/iu,
  /^(?:sign up|subscribe)\b.{0,120}(?:newsletter|inbox|email)/i,
  // A promotion's sentence closed by its button in capitals ("Before it's here, it's on the Bloomberg Terminal. LEARN MORE").
  /[.!?]\s+(?:LEARN MORE|FIND OUT MORE|READ MORE|SUBSCRIBE NOW|SIGN UP(?: NOW)?|GET STARTED|TRY IT FREE|JOIN NOW)$/,
  // A subscription offer's call ("LIMITED-TIME OFFER SUBSCRIBE NOW", "Subscribe today!").
  /^(?=.{0,60}$)(?:(?:limited[- ]time|special|exclusive) offer[:!.]?\s*)?subscribe(?:\s+(?:now|today))?[!.]?$/i,
  // A call to subscribe opening a sentence of a short line ("Get the latest in your inbox. Subscribe to our newsletters.").
  /^(?=.{0,160}$)(?=(?:.*[.!?]\s+)?(?:subscribe|sign up)\b)(?=.*\b(?:newsletters?|inbox)\b)/i,
  /^(?:have a (?:news )?tip\?|got a (?:news )?tip\?|do you have a (?:story|tip)\b)/i,
  /^(?:follow us|share this|share on|click here to|read more:|related(?:\s+(?:photos?|videos?|galler(?:y|ies)|stories|story|articles?|coverage|links?|posts?))?\s*:|관련\s*기사|함께\s*보면|많이\s*본\s*뉴스|추천\s*기사|이\s*기사를\s*공유)/i,
  /^(?:advertisement|광고|sponsored content|스폰서)$/i,
  // A photo's file name left as a line where the photo was ("skimming scheme seized cash and cards.jpg", "IMG_0412.JPG").
  /^[\p{L}\p{N}_ .,()'&+-]{1,120}\.(?:jpe?g|png|gif|webp|tiff?|heic)$/iu,
  // An advertisement set as a line of the story, marked as one ("[광고] 지금 바로 앱을 설치하세요").
  /^(?=.{0,100}$)[\[(【]\s*(?:광고|AD|advertisement|sponsored|anzeige|werbung)\s*[\])】]/i,
  /^(?:기사\s*제보|제보는\s*(?:카톡|카카오톡)|카카오톡\s*@|▶\s*제보|\[?제보하기)/,
  // A Chinese or Japanese page's editor credit closing the story ("（编辑：严玉洁 王辉）", "【责任编辑：严玉洁】", "（編集：山田太郎）").
  /^[（(【\[]\s*(?:责任编辑|責任編輯|编辑|編輯|編集|编审|校对|审核|审校)\s*[:：]\s*[^（()）【】[\]]{1,40}[）)】\]]$/u,
  // An outlet's call for readers' tips and photos ("◎공감언론 뉴시스가 독자 여러분의 소중한 제보를 기다립니다. …").
  /^[◎●■▶※]?\s*(?:\S+\s){0,6}?(?:독자\s*(?:여러분|분들)의\s*)?(?:소중한\s*)?제보를\s*기다립니다(?:[.!]|$)/u,
  // A broadcaster's tip line ("연합뉴스TV 기사문의 및 제보 : 카톡/라인 jebo23").
  /^(?=.{0,120}$)(?:\S{1,20}\s)?(?:기사\s*문의|제보)(?:\s*및\s*(?:제보|문의))?\s*[:：].*(?:카톡|카카오톡|라인|이메일|메일|전화|@)/u,
  // Korean promotions under a story ("▶ 한빛일보 바로가기", "네이버에서 한빛일보를 구독하세요", "카카오톡 채널 추가").
  /^[▶☞►▷※■◆]?\s*(?=.{0,80}$).*(?:바로\s*가기|구독\s*하기|구독하세요|채널\s*추가|앱\s*(?:다운로드|설치)(?:\s*하기)?)[!.]?\s*$/,
  // A promotion's link line calling for a click ("최신 유행 트렌드 총집결 #흥(클릭!)", "▶ 무료 운세 보기 [클릭]").
  /.[(\[]\s*클릭\s*!?\s*[)\]]\s*$/u,
  // "네이버 메인에서 한빛일보를 받아보세요", "뉴스스탠드에서 한빛일보를 만나보세요": an outlet's promotion on a portal.
  /^[▶☞►▷※■◆]?\s*(?=.{0,80}$).*(?:네이버|다음|뉴스스탠드|구글|카카오|유튜브|앱|채널).*(?:받아\s*보세요|만나\s*보세요|구독해\s*주세요)[!.]?\s*$/,
  // A tag list ("#서울시 #예산", "#우유,#인류", "Tags: transit, budget", "태그 : 서울시, 예산").
  /^(?:#[\p{L}\p{N}_]+\s*[,，]?\s*){2,}$|^(?:tags?|topics?|schlagwörter|태그|키워드)\s*[:：]\s*\S.{0,200}$/iu,
  // English widget labels left as lines: audio players, gift and save buttons, comment counters, image viewers.
  /^(?:share(?: (?:this|the))?(?: (?:article|story|page|post))?|(?:story|article) continues below(?: this)?(?: advertisement)?|(?:advertisement\s*[-–—:]\s*)?continue reading below|listen to this (?:article|story)(?:\s*[·•|-]?\s*\d+\s*min(?:utes?)?)?|gift (?:this )?article|copy link|save(?: (?:article|story|for later))?|comments?\s*\(\d+\)|join the conversation|play video|\d{1,2}:\d{2}\s*\/\s*\d{1,2}:\d{2}|loading\.{0,3}|reuse this content|enlarge this image|toggle caption|hide caption|open image in gallery|view (?:image|photo) in fullscreen)$/i,
  // Korean widget labels: summary bots, text-to-speech, scrap, translation, share buttons by network.
  /^(?:ai\s*요약|요약\s*봇|(?:기사|음성으로|오디오)\s*듣기|기사를\s*읽어\s*드립니다|텍스트\s*음성\s*변환\s*서비스\s*사용하기|기사\s*스크랩|번역(?:하기)?|(?:카카오톡|카카오스토리|페이스북|트위터|엑스|네이버\s*밴드|밴드|링크|url)\s*(?:공유(?:하기)?|복사(?:하기)?))$/i,
  // A story's recommend button and a reporter box's links ("이 기사를 추천합니다", "기자의 다른 기사 보기", "기자 구독").
  /^(?:이\s*)?기사(?:를)?\s*추천(?:합니다|하기|해\s*주세요)?$/,
  /^(?:[가-힣]{2,4}\s*)?기자(?:의\s*(?:다른\s*)?기사(?:\s*(?:더\s*)?보기)?|\s*(?:다른\s*)?기사\s*(?:더\s*)?보기|\s*구독(?:하기)?|\s*페이지)$/,
  // Korean widget labels left as lines: share, scrap, print, font size ("가 가"), comments, likes, subscribe.
  /^(?:공유(?:하기)?|스크랩|인쇄(?:하기)?|(?:본문\s*)?글(?:자|씨)\s*크기(?:\s*(?:설정|조절|변경))?|댓글(?:\s*\d+)?|좋아요(?:\s*\d+)?|구독(?:하기)?|북마크|기사\s*저장|URL\s*복사|닫기|가(?:\s*가){1,4})$/i,
  // Reader polls and comment boxes' prompts ("이 기사에 대해 어떻게 생각하시나요?", "로그인하고 댓글을 남겨보세요.", "What did you think of this article?").
  /^(?:이\s*기사(?:에\s*대해|를|는|,)?\s*.{0,12}(?:어떻게\s*생각하(?:시나요|세요|십니까)|어떠셨나요|도움이\s*되셨나요)\s*\??|what did you think of (?:this|the) (?:article|story)(?: you just read)?\s*\??|how (?:did|do) you feel about this (?:article|story)\s*\??)$/i,
  /^(?=.{0,60}$)(?:로그인(?:하고|하시면|\s*후|하여)?\s*.{0,20}댓글|(?:첫\s*)?댓글을?\s*(?:남겨|작성해)\s*(?:보세요|주세요)|댓글을?\s*작성하려면\s*로그인)/,
  // The placeholder of an embed that waits for consent ("Mit dem Laden des Beitrags akzeptieren Sie die Datenschutzerklärung von Instagram.", "Beitrag laden").
  /^(?=.{0,240}$)(?:mit dem laden (?:des|der) (?:beitrags?|inhalts?|videos?|karte)|by loading (?:the|this) (?:post|content|video|map)|en chargeant (?:le|la|ce|cette)|al cargar (?:el|la|este)).{0,180}(?:datenschutz|privacy|confidentialité|privacidad)/i,
  /^(?:(?:beitrag|inhalt|video|karte|tweet|post|externen inhalt)\s+(?:laden|entsperren|anzeigen)|(?:load|show|unblock)\s+(?:post|content|video|tweet|map)|(?:immer|always)\s+(?:entsperren|laden|unblock|load)[^.]{0,40})$/i,
  // A call to comment ("Deixe suas dúvidas e opiniões aqui embaixo!", "Leave your thoughts in the comments below").
  /^(?=.{0,200}$)(?:deixe (?:suas?|seus?|o seu|a sua) (?:dúvidas?|opini\w*|coment\w*)|leave (?:your|a) (?:comments?|questions?|thoughts)\b.{0,40}\b(?:below|here)\b|(?:hinterlasse|hinterlassen sie)\s+(?:uns\s+)?(?:einen|deinen|ihren)\s+kommentar)/i,
  // A Korean daily's note that the story ran in print ("※ 이 기사는 한빛일보 지면에 실렸습니다.").
  /^※?\s*이\s*기사는\s*.{0,40}?(?:지면|신문|판)에\s*(?:실렸습니다|실린\s*기사입니다|게재(?:됐|되었)습니다)\.?$/,
  // The same in English ("A version of this article appears in print on Nov. 16, 2025, Section A, Page 18 … Order Reprints | Today's Paper").
  /^(?=.{0,400}$)a version of this (?:article|story|review|column) appear(?:s|ed) in print\b/i,
  // Skip links for screen readers left as a line ("Skip Article Header. Skip to: Start of Article.").
  /^(?:skip\s+(?:to:?\s+(?:the\s+)?(?:start|top|end|main|content|article|navigation|menu|search|footer)[\p{L} ]{0,25}|(?:article|main|page)\s+(?:header|content|navigation|nav|menu))\.?\s*){1,3}$/iu,
  // A sponsor's label left alone on its line above the story.
  /^(?:supported by|sponsored by|presented by)$/i,
  // A portal's notes on where the story came from and how it was filed ("기사제공 한빛일보", "이 기사는 언론사에서 정치 섹션으로 분류했습니다.").
  /^기사\s*제공\s*[:：]?\s*[\p{L}\p{N}() ]{1,30}$|^※?\s*이\s*기사는\s*.{0,30}?섹션(?:으로|에)\s*분류(?:했습니다|됐습니다|되었습니다)\.?$/u,
  // A broadcast script's markers left as lines ("[앵커]", "<리포트>", "◀ 앵커 ▶").
  /^[\[<〈【◀]\s*(?:앵커(?:\s*멘트)?|리포트|기자(?:\s*리포트)?|앵커\s*리포트)\s*[\]>〉】▶]$/,
  // Korean reaction buttons left as a line, run together ("훈훈해요슬퍼요화나요후속기사 원해요", "추천해요 3 좋아요 1").
  // One to a line, each with its count ("쏠쏠정보 0", a list item each).
  new RegExp(String.raw`^(?:(?:${KO_REACTIONS})\s*\d*\s*){2,12}$|^(?:${KO_REACTIONS})\s*\d+$`),
  // Widget labels left as lines of their own: sign-in links, ad slots, gallery controls, comment counters.
  /^(?:home|enlarge(?: image| photo)?|follow (?:us )?on (?:twitter|facebook|instagram|x)|sign in|log in|skip to (?:main )?content|advert|ad|ads|anzeige|werbung|iklan|publicidade|publicidad|pub|caption|close|expand|comments?|\d+\s+comments?|zurück|vergrößern|externer inhalt|quellen (?:ein|aus)blenden|(?:mehr|weniger) anzeigen|bild (?:anzeigen|schließen)(?: bild (?:anzeigen|schließen))?|permalink|\(?(?:noch )?keine bewertungen\)?|\(?no ratings yet\)?|post (?:a )?comment.*|leave a (?:comment|reply)|tell us what you think.*|like this story\?.*|view author archive|email the author|view all posts.*|this slideshow requires javascript\.?)$/i,
  /^(?:image|photo|slide|bild|foto)?\s*\d+\s*(?:of|\/|von|de)\s*\/?\s*\d+$/i,
  /^(?:permalink|permalien|short ?link|kurz-?link)\s*:?\s*https?:\/\/\S+$/i,
  // Pointers written as a sentence ("Hier geht es zur neuen Satzung", "Alles über X findest Du hier.").
  /^(?=.{0,120}$)(?:hier geht(?:'s| es) zu[mr]?\b|lesen sie hier\b|.*\b(?:findest du|finden sie) (?:sie |es )?hier\.?$)/i,
  /^(?:(?:dieses|diesen|den|das) .{0,30}als pdf herunterladen|download (?:this|the) .{0,30}as (?:a )?pdf)$/i,
  /^(?:kommentieren|kommentare?|\d+\s+kommentare?|commenter|\d+\s+commentaires?|comentar|\d+\s+comentarios?|(?:noch )?keine kommentare|no comments(?: yet)?)$/i,
  // Comment boxes' sign-in prompts, in the languages of the blog engines that print them.
  /^(?=.{0,220}$)(?=.*\b(?:must|need to|have to|please|bitte|müssen|musst|devez|debes|debe)\b).*(?:\b(?:log(?:ged)?|sign(?:ed)?)\s+in\b|loggen sie sich|einloggen|eingeloggt|angemeldet|anmelden|registriert|connectée?|conectado|iniciar sesión|zalogowany).{0,40}(?:\bto (?:post |leave |write )?(?:a )?comment|\bkommentare? (?:zu )?(?:schreiben|hinterlassen|verfassen)|\bzu kommentieren|\bdiskussion|\bcommentaire|\bcomentar|\bkomentarz)/i,
  /^(?=.{0,220}$)(?=.*\b(?:must|need to|have to|please|bitte|müssen|musst|devez|debes|debe)\b)(?:to|um|pour|para)\b.{0,60}\b(?:comment|kommentar|kommentieren|diskussion|commentaire|comentar)\w*\b.{0,80}(?:\b(?:log(?:ged)?|sign(?:ed)?)\s+in\b|loggen sie sich|einloggen|eingeloggt|angemeldet|connectée?|iniciar sesión)/i,
  /^(?:sie sind|du bist) (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)\.?$|^you are not (?:logged|signed) in\.?$/i,
  /^(?:verraten|schreiben|sagen) sie (?:es )?(?:uns )?(?:gerne )?in den kommentaren\b|^(?:tell|let) us (?:know )?in the comments\b/i,
  // Calls to sign up, support or write in, around the story.
  /^(?=.{0,220}$).*(?:\bby signing up (?:to|for)|\bsign up (?:to|for) (?:our|the)|\bsubscribe to our)\b.{0,40}\bnewsletters?\b/i,
  /^(?=.{0,220}$).*\b(?:sign up|subscribe) here\b/i,
  // A magazine's offer ("Want more science? Get a subscription of our sister publication …", "Subscribe to our sister title …").
  /^(?=.{0,220}$).*\b(?:subscribe to|(?:get|take out) a subscription (?:of|to)) our sister (?:publication|title|magazine)\b/i,
  /^(?=.{0,220}$)(?:.*\bhelp us (?:continue|keep (?:going|publishing))\b|.*\bzapraszamy (?:też |również |także )?do (?:subskrypcji|prenumeraty)|.*\b(?:nuestro canal de youtube|our youtube channel|unseren youtube-kanal)\b)/i,
  /^(?=.{0,220}$).*(?:\babonnieren sie|\babonniere|\bmelden sie sich|\babonnez-vous|\binscrivez-vous|suscríbete|\bsuscribite|\bassine|\biscriviti)\b.{0,60}(?:newsletter|boletín|infolettre)/i,
  /^(?=.{0,220}$).*\b(?:would you |please )?consider supporting (?:our|us|independent)\b|^(?=.{0,220}$).*\bsupport (?:our|independent) journalism\b/i,
  /^(?=.{0,220}$).*\b(?:submit|write) (?:a|your) letter to the editor\b|^we want to hear what you think about this (?:article|story)\b/i,
  /^(?=.{0,220}$).*\b(?:cancela cuando quieras|cancel (?:at )?any ?time|jederzeit kündbar|résiliable à tout moment)\b/i,
  // Pointers to other stories ("Related post: …", "[Related: …]", "SEE MORE: …", "… BY CLICKING HERE").
  /^[\[(]?\s*(?:related(?: post| article| story| coverage)?|see more|see also|also|read more|read also|more|watch|listen)\s*:\s*.{1,150}[\])]?$/i,
  // The same in other languages ("VEA TAMBIÉN: …", "Le puede interesar: …", "Lesen Sie auch: …"), linked or not.
  /^[\[(>»\s]*(?:vea también|lea también|lee también|mira también|(?:también )?(?:le|te) puede interesar|lesen sie (?:auch|mehr)|siehe auch|(?:à )?lire aussi|leia também|veja também|leggi anche|czytaj (?:też|także|również))\s*[:：]\s*.{1,150}$/iu,
  /\bby clicking here\.?$/i,
  /^(?:follow\s+[\p{L} .&'-]{1,40}\s+on\s+(?:twitter|facebook|instagram|youtube|x)\b|want more stories like this\??$)/iu,
  // Agency and contributor credits ("By Reuters", "Reporting by …; Editing by …", "X contributed reporting from Y").
  /^(?:by\s+)?(?:the\s+)?(?:reuters|associated press|ap|afp|dpa|upi|bloomberg|staff(?: reports?)?|wire reports)\.?$/i,
  /^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+by\b/i,
  // A broadcast story's production credits ("촬영기자:박준호/영상편집:이서연/그래픽:최유진", "(영상취재 : 김원배, 영상편집 : 원형희)").
  /^[(\[]?\s*(?:(?:촬영\s*기자|영상\s*취재|영상\s*편집|영상\s*디자인|그래픽|촬영|편집|자료\s*조사|화면\s*제공|영상\s*제공|CG|디자인)\s*[:：]\s*[^/,:：()\[\]\s]{1,15}(?:\s[^/,:：()\[\]\s]{1,15}){0,2}?\s*(?:[/,·]\s*|(?=[)\]]?\s*$))){1,8}[)\]]?\s*$/,
  /\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story))\b[^.]{0,80}\.?$/i,
  // Reading-time notes.
  /^(?:(?:reading time|read time|tempo de leitura|tiempo de lectura|lesezeit|lesedauer|temps de lecture)\s*:?\s*(?:ca\.\s*)?\d+\s*\p{L}+|\d+\s*(?:min(?:ute)?s?)\.?\s+(?:read|lesezeit|de lectura|de leitura))$/iu,
  // A page view counter left as a line ("조회 1,234", "조회수 : 1,234회", "Views: 1,234").
  /^(?:조회(?:수)?|views?|hits|aufrufe|visitas|vues)\s*[:：]?\s*\d[\d.,]*\s*(?:회)?$/i,
  // Relative publication times ("Published 1 day ago").
  /^(?:published|updated|posted)\s+\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/i,
];
/** Headings of lists of other stories; the list that follows goes with them. */
export const MORE_STORIES = new RegExp(
  // Set between markers ("▶관련기사◀", "【관련 뉴스】", "■ Related").
  String.raw`^[▶▷►☞■□◆◇●○※★☆【\[<《〈]*\s*(?:` +
    [
      // English
      String.raw`you (?:may|might) also like|related(?: posts?| articles?| stories| news| content| coverage| links| reading| topics)?|more on this (?:story|topic)|recommended(?: for you| stories| reading)?|more (?:stories|news|from [\p{L} ]{1,30}|on this topic|great [\p{L}]+ stories)|recent (?:articles|posts|stories)|popular (?:this week|now|stories|articles|videos?)|(?:featured|recommended|trending) videos?|most (?:popular|read|viewed)|don'?t miss|read (?:more|next|also)|see also|also read|further reading|editor'?s picks|top stories|trending(?: now)?|more`,
      // German
      String.raw`weitere (?:artikel|beiträge|themen|news|nachrichten|informationen)(?: (?:aus|zu|zum|zur|in) [\p{L}\p{N} .-]{1,40})?|mehr themen|das könnte (?:sie|dich|euch) (?:auch )?interessieren|mehr zu(?:m thema)?(?: [\p{L}\p{N} .-]{1,40})?|lesen sie (?:auch|mehr|weiter)(?: (?:die|diese) (?:folgenden )?(?:beiträge|artikel))?|(?:zum )?weiterlesen|auch interessant|(?:verwandte|ähnliche) (?:artikel|beiträge|themen)|empfohlene (?:artikel|beiträge)|empfehlungen? der redaktion|die redaktion empfiehlt|meist(?:gelesene?|diskutierte?|kommentierte?|geteilte?)(?: (?:artikel|beiträge|nachrichten|news))?|am meisten gelesen|themen (?:im|in diesem) (?:artikel|beitrag)|siehe auch|auch auf [\p{L}\p{N}.-]{2,30}|vorschau auf den nächsten (?:artikel|beitrag)|weiterführende(?:r)? links?`,
      // Portuguese, Spanish, French, Italian, Polish, Korean
      String.raw`leia (?:também|mais)|veja também|lea (?:también|más)|lee (?:también|más)|vea también|mira también|(?:también )?(?:le|te) puede interesar|noticias relacionadas|notas relacionadas|artículos relacionados|(?:à )?lire (?:aussi|également)|sur le même sujet|(?:audios? et )?vidéos? sur le (?:même )?sujet|articles similaires|voir aussi|leggi anche|articoli correlati|czytaj (?:też|także|również|więcej)|관련\s*(?:기사|뉴스)|(?:많이\s*본|추천|최신|주요)\s*(?:기사|뉴스)|함께\s*(?:보면\s*좋은|볼\s*만한)\s*(?:기사|뉴스)|이\s*시각\s*(?:주요\s*)?뉴스`,
    ].join('|') +
    String.raw`)\s*[:.…!»>◀◁◄】\]》〉]*$`,
  'iu',
);
const MAX_BOILERPLATE_CHARS = 220;
/** A line that opens with a credit label ("Photo: …", "Bild: …"). */
export const CREDIT_LABEL_START = new RegExp(String.raw`^\s*[\[(]?\s*${LINE_CREDIT_LABEL}(?![\p{L}])\s*(?:copyright|credit|by)?\s*[=:：]?`, 'iu');

/** Labels that open the contacts-and-sources section ending a press release or a report. */
export const END_LABEL = /^(?:kontakt|pressekontakt|medienkontakt|ansprechpartner(?:in|innen)?(?: (?:zum thema|für die presse))?|weitere informationen|zusatzinformationen|quellenangaben|quellen|originalartikel|contact|contacts|media contacts?|press contacts?|for more information|further information|sources|contact presse|contacto(?: de prensa)?|fuentes|about the authors?|about the writer|über (?:den autor|die autorin|die autoren)|sobre (?:el autor|la autora|los autores)|à propos de l'auteur|기자 소개|필자 소개|저자 소개)\s*:?$/i;
/** The heading of an appeal for readers' support closing the story ("Support independent journalism", "Apoya el periodismo incómodo", "Unterstützen Sie unseren Journalismus"). */
export const SUPPORT_LABEL = /^(?:please\s+)?(?:support|apoya|apoye|apóyanos|unterstützen sie|unterstütze|soutenez|sostieni|apoie)\b.{0,40}?\b(?:journalism|periodismo|journalismus|journalisme|giornalismo|jornalismo|our work|our reporting|us)\b.{0,20}$/iu;
/** A closing line naming where the story came from ("Quelle: dpa", "Źródło: ISBnews"). */
export const SOURCE_LINE = /^(?:quelle|source|źródło|fuente|fonte)\s*:\s*.{1,100}$/i;

const LEGAL_ANY = alternation(LEGAL);
const BOILERPLATE_ANY = alternation(BOILERPLATE);

/** True when a short line is site boilerplate rather than article text. */
export function isBoilerplate(text: string): boolean {
  const t = text.replace(SPACE_RUNS, ' ').trim();
  if (t === '' || t.length > LEGAL_MAX_CHARS) return false;
  if (matchesAny(LEGAL_ANY, t)) return true;
  return t.length <= MAX_BOILERPLATE_CHARS && matchesAny(BOILERPLATE_ANY, t);
}
