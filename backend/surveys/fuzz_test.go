package surveys

import (
	"io"
	"testing"
)

// parseAll runs a file through the format reader and converter as an import does, without a store.
func parseAll(data []byte, format string) error {
	src, xlsx, err := openSource(data)
	if err != nil {
		return err
	}
	defer src.close()
	pb := &pushback{source: src}
	lay, err := readLayout(pb, format, xlsx)
	if err != nil {
		return err
	}
	d := testDetails()
	targets, _ := resolveMapping(lay, d.Questions, nil, nil)
	conv, err := newConverter(lay, d, targets)
	if err != nil {
		return err
	}
	for {
		fields, line, err := pb.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if r, err := conv.convert(fields, line); err != nil {
			return err
		} else if r != nil {
			decodeAnswers(encodeAnswers(r.answers))
		}
	}
}

func fuzzFormat(f *testing.F, format string, seeds ...string) {
	for _, s := range seeds {
		f.Add(readFixture(f, s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		parseAll(data, format)
	})
}

func FuzzSurveyMonkey(f *testing.F) {
	fuzzFormat(f, FormatSurveyMonkey, "valid/surveymonkey.csv")
}

func FuzzLimeSurvey(f *testing.F) {
	fuzzFormat(f, FormatLimeSurvey, "valid/limesurvey.csv", "valid/limesurvey-latin1.csv")
}

func FuzzOwnCSV(f *testing.F) {
	fuzzFormat(f, FormatCSV, "valid/own.csv", "malformed/bare-quote.csv")
}

func FuzzDetect(f *testing.F) {
	f.Add(csvToXLSX(f, readFixture(f, "valid/surveymonkey.csv")))
	fuzzFormat(f, "", "valid/surveymonkey.csv", "valid/limesurvey.csv", "valid/own.csv")
}
