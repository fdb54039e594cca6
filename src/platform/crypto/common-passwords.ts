/**
 * A small built-in list of the most common and most often breached passwords,
 * gathered from public top-password lists (SecLists, yearly most-common lists),
 * plus common Korean choices typed on a Latin keyboard (dkssud = 안녕,
 * tkfkdgo = 사랑해). Lower case; the check lower-cases what it is given.
 */
const COMMON_PASSWORDS = new Set(
  `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890
michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan
jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000
charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa
ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew access
yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin heather
secret merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey
q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar
jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome
falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles
melissa boomer booboo spider nascar monster tigers yellow xxxxxx 123123123 gateway marina
diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654 porsche lakers
iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston
q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita
knight fender barney midnight please brandy chicago badboy slayer rangers charles angel flower
bigdaddy rabbit wizard jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r
jasmine winter prince marine ghbdtn fishing cocacola casper james 232323 raiders 888888
marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309 apple 1q2w3e 1q2w3e4r5t
1q2w3e4r5t6y zaq12wsx passw0rd p@ssw0rd p@ssword password1 password12 password123 password1234
admin admin123 administrator root toor changeme default guest login abc1234 abcd1234 a123456
a1234567 a12345678 a123456789 aa123456 asdf1234 asd123 qwe123 qwe123qwe qweasd qweasdzxc
asdfghjkl 123abc 123qweasd 1qazxsw2 qazwsxedc zaq1xsw2 zxcv1234 1234abcd abcdef abcdefg
abcdefgh iloveyou1 iloveu loveyou lovely babygirl football1 baseball1 superman1 princess1
sunshine1 welcome1 welcome123 monkey1 dragon1 shadow1 master1 qwerty1 qwerty12 qwerty123
qwertyui 123456a 123456q 12345a 12345q 1234567a 654321a 111111a 000000a 123456789a 1234567890a
159357 147258369 147258 741852963 789456123 789456 456789 3141592 31415926 11223344 00000000
12341234 123456123 holiday spring autumn garden friend friends family mylove myspace facebook
google youtube twitter linkedin instagram naver daum kakao samsung1 hyundai seoul korea
korea123 daehan hanguk saranghae saranghaeyo sarang dkssud dkssudgktpdy tkfkdgo wkdrn qwer123
qwer12345 asdf123 zxcv123 hospital doctor nurse patient medical health clinic pokemon naruto
minecraft fortnite starcraft lineage maplestory overwatch jordan23 michael1 jennifer1 jessica1
ashley1 nicole1 daniel1 andrew1 charlie1 thomas1 letmein1 trustno1! secret1 secret123 access14
test123 test1234 testing guest123 user1234 temp1234 changeme1 default1 welcome1! hello123
hello1234 helloworld loveme lovelove
`
    .trim()
    .split(/\s+/),
);

/**
 * True for a listed password, and for one that is a listed word with digits or
 * symbols around it (Password123!, !sunshine2024): such decorations are the
 * first thing a guesser tries.
 */
export function isCommonPassword(lowerCased: string): boolean {
  if (COMMON_PASSWORDS.has(lowerCased)) return true;
  const core = lowerCased.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return core.length >= 4 && COMMON_PASSWORDS.has(core);
}

export const commonPasswordCount = COMMON_PASSWORDS.size;
