// StreamSql.g4 — the streamc dialect: Velostream streaming SQL plus the
// spellings ksqlDB and Flink SQL users know (DESIGN §2).
//
// The grammar covers the whole dialect, including what the compiler does not
// compile yet (joins, GROUP BY, windows, subqueries, WATERMARK, TUMBLE/HOP
// table-valued functions): later work adds meaning, not syntax. The parser is
// generated at build time; compiler/ast walks the parse tree by hand.
//
// Expressions are written as one rule per precedence level (lowest first)
// rather than as a left-recursive rule, so that BETWEEN ... AND ... and the
// NOT/IS/IN predicates bind exactly as in SQL and the transformer sees typed,
// flat contexts.
grammar StreamSql;

// ---------------------------------------------------------------- statements

script
    : SEMI* (statement (SEMI+ statement)* SEMI*)? EOF
    ;

statement
    : createSource
    | insertInto
    | query
    ;

createSource
    : CREATE (OR REPLACE)? sourceKind (IF NOT EXISTS)? sourceName
      (LPAREN tableElement (COMMA tableElement)* RPAREN)?
      withClause?
      (AS query)?
    ;

sourceKind
    : STREAM
    | TABLE
    ;

insertInto
    : INSERT INTO sourceName query
    ;

tableElement
    : columnDefinition                                        #columnElement
    | WATERMARK FOR identifier AS expression                  #watermarkElement
    | PRIMARY KEY LPAREN identifier (COMMA identifier)* RPAREN
      (NOT ENFORCED)?                                         #primaryKeyElement
    ;

columnDefinition
    : identifier dataType (NOT NULL_)? columnKey?
    ;

columnKey
    : PRIMARY KEY (NOT ENFORCED)?
    | KEY
    ;

dataType
    : identifier PRECISION? (LPAREN INTEGER_LITERAL (COMMA INTEGER_LITERAL)? RPAREN)?
    ;

withClause
    : WITH LPAREN property (COMMA property)* RPAREN
    ;

property
    : propertyKey EQ propertyValue
    ;

propertyKey
    : STRING_LITERAL
    | QUOTED_IDENTIFIER
    | identifier (DOT identifier)*
    ;

propertyValue
    : STRING_LITERAL
    | QUOTED_IDENTIFIER
    | MINUS? (INTEGER_LITERAL | DECIMAL_LITERAL | FLOAT_LITERAL)
    | DURATION_LITERAL
    | TRUE
    | FALSE
    | identifier
    ;

// ---------------------------------------------------------------- queries

query
    : SELECT setQuantifier? selectItem (COMMA selectItem)*
      (FROM fromClause)?
      windowClause?                       // ksqlDB puts WINDOW right after FROM
      (WHERE where=expression)?
      (GROUP BY expression (COMMA expression)*)?
      (HAVING having=expression)?
      windowClause?                       // Velostream puts it after GROUP BY / HAVING
      (HAVING lateHaving=expression)?     // ... and HAVING after WINDOW, too
      (ORDER BY orderItem (COMMA orderItem)*)?
      (LIMIT INTEGER_LITERAL)?
      emitClause?
      withClause?
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

selectItem
    : STAR                                                    #starItem
    | identifier DOT STAR                                     #qualifiedStarItem
    | expression (AS? identifier)? (PRIMARY KEY)?             #expressionItem
    ;

fromClause
    : relation (joinClause | COMMA relation)*
    ;

relation
    : sourceName (AS? identifier)?                            #namedRelation
    | URI (AS? identifier)?                                   #uriRelation
    | TABLE LPAREN windowFunctionCall RPAREN (AS? identifier)? #tableFunctionRelation
    | LPAREN query RPAREN AS? identifier                      #subqueryRelation
    ;

// Flink's TUMBLE / HOP / CUMULATE / SESSION table-valued functions.
windowFunctionCall
    : identifier LPAREN TABLE sourceName COMMA DESCRIPTOR LPAREN identifier RPAREN
      (COMMA expression)* RPAREN
    ;

joinClause
    : joinType? JOIN relation within? (ON expression)? within?
    ;

joinType
    : INNER
    | CROSS
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

within
    : WITHIN duration
    | WITHIN LPAREN duration COMMA duration RPAREN
    ;

orderItem
    : expression (ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

emitClause
    : EMIT (CHANGES | FINAL)
    ;

// Velostream TUMBLING(1m) / TUMBLING(ts, INTERVAL '1' MINUTE) / SLIDING(size,
// advance) / SESSION(gap) and ksqlDB TUMBLING (SIZE 1 MINUTE, GRACE PERIOD ..).
windowClause
    : WINDOW windowKind LPAREN windowArgument (COMMA windowArgument)* RPAREN
    ;

windowKind
    : TUMBLING
    | HOPPING
    | SLIDING
    | SESSION
    ;

windowArgument
    : SIZE duration                                           #sizeArgument
    | ADVANCE BY duration                                     #advanceArgument
    | GRACE PERIOD duration                                   #graceArgument
    | RETENTION duration                                      #retentionArgument
    | duration                                                #plainDurationArgument
    | INTEGER_LITERAL                                         #secondsArgument
    | columnReference                                         #timeColumnArgument
    ;

duration
    : DURATION_LITERAL
    | INTERVAL STRING_LITERAL timeUnit
    | INTERVAL INTEGER_LITERAL timeUnit
    | INTEGER_LITERAL timeUnit
    ;

timeUnit
    : MILLISECOND | MILLISECONDS | SECOND | SECONDS | MINUTE | MINUTES
    | HOUR | HOURS | DAY | DAYS
    ;

// ---------------------------------------------------------------- expressions

expression
    : orExpression
    ;

orExpression
    : andExpression (OR andExpression)*
    ;

andExpression
    : notExpression (AND notExpression)*
    ;

notExpression
    : NOT notExpression                                       #logicalNot
    | predicate                                               #predicateExpression
    ;

predicate
    : valueExpression comparisonOperator valueExpression                        #comparisonPredicate
    | valueExpression comparisonOperator quantifier LPAREN query RPAREN         #quantifiedPredicate
    | valueExpression IS NOT? NULL_                                             #nullPredicate
    | valueExpression IS NOT? (TRUE | FALSE)                                    #truthPredicate
    | valueExpression NOT? IN LPAREN query RPAREN                               #inSubqueryPredicate
    | valueExpression NOT? IN LPAREN expression (COMMA expression)* RPAREN      #inListPredicate
    | valueExpression NOT? BETWEEN low=valueExpression AND high=valueExpression #betweenPredicate
    | valueExpression NOT? LIKE pattern=valueExpression (ESCAPE escape=valueExpression)? #likePredicate
    | valueExpression                                                           #plainValue
    ;

comparisonOperator
    : EQ | DOUBLE_EQ | NEQ | LT | LTE | GT | GTE
    ;

quantifier
    : ANY
    | SOME
    | ALL
    ;

valueExpression
    : additiveExpression (CONCAT_OP additiveExpression)*
    ;

additiveExpression
    : multiplicativeExpression ((PLUS | MINUS) multiplicativeExpression)*
    ;

multiplicativeExpression
    : powerExpression ((STAR | SLASH | PERCENT) powerExpression)*
    ;

powerExpression
    : unaryExpression (CARET unaryExpression)*
    ;

unaryExpression
    : (MINUS | PLUS) unaryExpression                          #signedExpression
    | primaryExpression                                       #primary
    ;

primaryExpression
    : literal                                                                 #literalExpression
    | TIMESTAMP STRING_LITERAL                                                #timestampLiteral
    | DATE STRING_LITERAL                                                     #dateLiteral
    | INTERVAL (STRING_LITERAL | INTEGER_LITERAL) timeUnit                    #intervalLiteral
    | CASE operand=expression? whenClause+ (ELSE otherwise=expression)? END   #caseExpression
    | (CAST | TRY_CAST) LPAREN expression AS dataType RPAREN                  #castExpression
    | EXISTS LPAREN query RPAREN                                              #existsExpression
    | LPAREN query RPAREN                                                     #scalarSubquery
    | LPAREN expression RPAREN                                                #parenthesized
    | SUBSTRING LPAREN expression FROM expression (FOR expression)? RPAREN    #substringFromExpression
    | TRIM LPAREN trimSide? trimChars=expression? FROM expression RPAREN      #trimFromExpression
    | EXTRACT LPAREN identifier FROM expression RPAREN                        #extractExpression
    | POSITION LPAREN valueExpression IN valueExpression RPAREN               #positionExpression
    | functionName LPAREN (STAR | setQuantifier? expression (COMMA expression)*)? RPAREN
      filterClause? overClause?                                               #functionCall
    | columnReference                                                         #columnExpression
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

// An aggregate over only the records that pass: COUNT(*) FILTER (WHERE x > 0).
filterClause
    : FILTER LPAREN WHERE expression RPAREN
    ;

trimSide
    : BOTH
    | LEADING
    | TRAILING
    ;

functionName
    : identifier
    | LEFT
    | RIGHT
    | SUBSTRING
    | TRIM
    ;

// Velostream row windows: OVER (ROWS WINDOW BUFFER 100 ROWS PARTITION BY ..
// ORDER BY ..), and the standard frame forms.
overClause
    : OVER LPAREN (ROWS WINDOW BUFFER INTEGER_LITERAL ROWS)?
      (PARTITION BY expression (COMMA expression)*)?
      (ORDER BY orderItem (COMMA orderItem)*)?
      frameClause? expireClause? overEmit? RPAREN
    ;

// Velostream's frame options: an idle partition's rows are dropped after a
// while; a row is written for every record, or once the buffer is full.
expireClause
    : EXPIRE AFTER (duration | NEVER)
    ;

overEmit
    : EMIT EVERY RECORD
    | EMIT ON BUFFER FULL
    ;

frameClause
    : (ROWS | RANGE) (BETWEEN frameBound AND frameBound | frameBound)
    ;

frameBound
    : UNBOUNDED (PRECEDING | FOLLOWING)
    | CURRENT ROW
    | (INTEGER_LITERAL | duration) (PRECEDING | FOLLOWING)
    ;

columnReference
    : identifier (DOT identifier)?
    ;

literal
    : INTEGER_LITERAL
    | DECIMAL_LITERAL
    | FLOAT_LITERAL
    | STRING_LITERAL
    | TRUE
    | FALSE
    | NULL_
    ;

sourceName
    : identifier
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | BACKTICK_IDENTIFIER
    | nonReserved
    ;

// Keywords that do not shape a statement stay usable as names: a column may
// be called status, key, value, timestamp or window.
nonReserved
    : ADVANCE | AFTER | ASC | BOTH | BUFFER | CHANGES | CURRENT | DATE | DAY | DAYS | DESC | EVERY | EXPIRE
    | NEVER | RECORD
    | DESCRIPTOR | EMIT | ENFORCED | ESCAPE | EXTRACT | FILTER | FINAL | FIRST | FOLLOWING
    | GRACE | HOPPING | HOUR | HOURS | IF | KEY | LAST | LEADING | METRICS
    | MILLISECOND | MILLISECONDS | MINUTE | MINUTES | NULLS | PERIOD | POSITION
    | PRECEDING | PRECISION | PROPERTIES | RANGE | REPLACE | RETENTION | ROW | ROWS
    | SECOND | SECONDS | SESSION | SIZE | SLIDING | STATUS | TIMESTAMP | TRAILING
    | TRY_CAST | TUMBLING | UNBOUNDED | VALUE | WATERMARK | WINDOW | WITHIN
    ;

// ---------------------------------------------------------------- lexer

ADVANCE: A D V A N C E;
AFTER: A F T E R;
ALL: A L L;
AND: A N D;
ANY: A N Y;
AS: A S;
ASC: A S C;
BETWEEN: B E T W E E N;
BOTH: B O T H;
BUFFER: B U F F E R;
BY: B Y;
CASE: C A S E;
CAST: C A S T;
CHANGES: C H A N G E S;
CREATE: C R E A T E;
CROSS: C R O S S;
CURRENT: C U R R E N T;
DATE: D A T E;
DAY: D A Y;
DAYS: D A Y S;
DESC: D E S C;
DESCRIPTOR: D E S C R I P T O R;
DISTINCT: D I S T I N C T;
ELSE: E L S E;
EMIT: E M I T;
EVERY: E V E R Y;
EXPIRE: E X P I R E;
END: E N D;
ENFORCED: E N F O R C E D;
ESCAPE: E S C A P E;
EXISTS: E X I S T S;
EXTRACT: E X T R A C T;
FALSE: F A L S E;
FILTER: F I L T E R;
FINAL: F I N A L;
FIRST: F I R S T;
FOLLOWING: F O L L O W I N G;
FOR: F O R;
FROM: F R O M;
FULL: F U L L;
GRACE: G R A C E;
GROUP: G R O U P;
HAVING: H A V I N G;
HOPPING: H O P P I N G;
HOUR: H O U R;
HOURS: H O U R S;
IF: I F;
IN: I N;
INNER: I N N E R;
INSERT: I N S E R T;
INTERVAL: I N T E R V A L;
INTO: I N T O;
IS: I S;
JOIN: J O I N;
KEY: K E Y;
LAST: L A S T;
LEADING: L E A D I N G;
LEFT: L E F T;
LIKE: L I K E;
LIMIT: L I M I T;
METRICS: M E T R I C S;
MILLISECOND: M I L L I S E C O N D;
MILLISECONDS: M I L L I S E C O N D S;
MINUTE: M I N U T E;
MINUTES: M I N U T E S;
NEVER: N E V E R;
NOT: N O T;
NULL_: N U L L;
NULLS: N U L L S;
ON: O N;
OR: O R;
ORDER: O R D E R;
OUTER: O U T E R;
OVER: O V E R;
PARTITION: P A R T I T I O N;
PERIOD: P E R I O D;
POSITION: P O S I T I O N;
PRECEDING: P R E C E D I N G;
PRECISION: P R E C I S I O N;
PRIMARY: P R I M A R Y;
PROPERTIES: P R O P E R T I E S;
RANGE: R A N G E;
RECORD: R E C O R D;
REPLACE: R E P L A C E;
RETENTION: R E T E N T I O N;
RIGHT: R I G H T;
ROW: R O W;
ROWS: R O W S;
SECOND: S E C O N D;
SECONDS: S E C O N D S;
SELECT: S E L E C T;
SESSION: S E S S I O N;
SIZE: S I Z E;
SLIDING: S L I D I N G;
SOME: S O M E;
STATUS: S T A T U S;
STREAM: S T R E A M;
SUBSTRING: S U B S T R I N G;
TABLE: T A B L E;
THEN: T H E N;
TIMESTAMP: T I M E S T A M P;
TRAILING: T R A I L I N G;
TRIM: T R I M;
TRUE: T R U E;
TRY_CAST: T R Y '_' C A S T;
TUMBLING: T U M B L I N G;
UNBOUNDED: U N B O U N D E D;
VALUE: V A L U E;
WATERMARK: W A T E R M A R K;
WHEN: W H E N;
WHERE: W H E R E;
WINDOW: W I N D O W;
WITH: W I T H;
WITHIN: W I T H I N;

EQ: '=';
DOUBLE_EQ: '==';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
CARET: '^';
CONCAT_OP: '||';
LPAREN: '(';
RPAREN: ')';
COMMA: ',';
DOT: '.';
SEMI: ';';

// file://data/market.csv and other source URIs (Velostream shorthand).
URI: [a-zA-Z] [a-zA-Z0-9+.-]* '://' ~[ \t\r\n;,()']+;

// Velostream duration shorthand: 1m, 30s, 500ms, 2h, 1d.
DURATION_LITERAL: DIGIT+ ('ms' | 's' | 'm' | 'h' | 'd' | 'w');

INTEGER_LITERAL: DIGIT+;
DECIMAL_LITERAL: DIGIT+ '.' DIGIT* | '.' DIGIT+;
FLOAT_LITERAL: (DIGIT+ ('.' DIGIT*)? | '.' DIGIT+) [eE] [+-]? DIGIT+;

// SQL strings: '' stands for one quote; every other character, backslashes
// and newlines included, is taken as written.
STRING_LITERAL: '\'' (~'\'' | '\'\'')* '\'';
QUOTED_IDENTIFIER: '"' (~'"' | '""')* '"';
BACKTICK_IDENTIFIER: '`' (~'`' | '``')* '`';
IDENTIFIER: [a-zA-Z_] [a-zA-Z0-9_]*;

LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);
WHITESPACE: [ \t\r\n\f]+ -> channel(HIDDEN);

// Anything else becomes one token the parser rejects with a clear message.
UNRECOGNIZED: .;

fragment DIGIT: [0-9];
fragment A: [aA]; fragment B: [bB]; fragment C: [cC]; fragment D: [dD];
fragment E: [eE]; fragment F: [fF]; fragment G: [gG]; fragment H: [hH];
fragment I: [iI]; fragment J: [jJ]; fragment K: [kK]; fragment L: [lL];
fragment M: [mM]; fragment N: [nN]; fragment O: [oO]; fragment P: [pP];
fragment Q: [qQ]; fragment R: [rR]; fragment S: [sS]; fragment T: [tT];
fragment U: [uU]; fragment V: [vV]; fragment W: [wW]; fragment X: [xX];
fragment Y: [yY]; fragment Z: [zZ];
