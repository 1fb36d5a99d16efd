package calendar

import "math"

// Astronomy for the lunar calendar, written from Jean Meeus, Astronomical Algorithms (2nd ed., 1998):
// chapter 49 (phases of the Moon: true new moon with the periodic and planetary corrections) and
// chapter 25 (apparent longitude of the Sun, "low accuracy" method, about 0.01°). ΔT (TT − UT) uses the
// Espenak–Meeus polynomials (NASA Five Millennium Canon of Solar Eclipses, 2006).

const (
	deg2rad  = math.Pi / 180
	vnOffset = 7.0 / 24 // UTC+7, the 105°E meridian used by the Vietnamese calendar since 1968
)

// deltaT returns TT − UT in seconds for a decimal year (Espenak–Meeus polynomials, valid 1860–2150 and
// extrapolated outside).
func deltaT(y float64) float64 {
	switch {
	case y < 1860:
		u := (y - 1820) / 100
		return -20 + 32*u*u
	case y < 1900:
		t := y - 1860
		return 7.62 + 0.5737*t - 0.251754*t*t + 0.01680668*t*t*t - 0.0004473624*t*t*t*t + t*t*t*t*t/233174
	case y < 1920:
		t := y - 1900
		return -2.79 + 1.494119*t - 0.0598939*t*t + 0.0061966*t*t*t - 0.000197*t*t*t*t
	case y < 1941:
		t := y - 1920
		return 21.20 + 0.84493*t - 0.076100*t*t + 0.0020936*t*t*t
	case y < 1961:
		t := y - 1950
		return 29.07 + 0.407*t - t*t/233 + t*t*t/2547
	case y < 1986:
		t := y - 1975
		return 45.45 + 1.067*t - t*t/260 - t*t*t/718
	case y < 2005:
		t := y - 2000
		return 63.86 + 0.3345*t - 0.060374*t*t + 0.0017275*t*t*t + 0.000651814*t*t*t*t + 0.00002373599*t*t*t*t*t
	case y < 2050:
		t := y - 2000
		return 62.92 + 0.32217*t + 0.005589*t*t
	case y < 2150:
		u := (y - 1820) / 100
		return -20 + 32*u*u - 0.5628*(2150-y)
	}
	u := (y - 1820) / 100
	return -20 + 32*u*u
}

// jdToDecimalYear approximates the decimal year of a Julian Date (good enough for ΔT).
func jdToDecimalYear(jd float64) float64 { return 2000 + (jd-2451545.0)/365.25 }

// ttToUT converts a Julian Ephemeris Day (TT) to a Julian Day (UT).
func ttToUT(jde float64) float64 { return jde - deltaT(jdToDecimalYear(jde))/86400 }

// utToTT converts a Julian Day (UT) to a Julian Ephemeris Day (TT).
func utToTT(jd float64) float64 { return jd + deltaT(jdToDecimalYear(jd))/86400 }

func sinD(x float64) float64 { return math.Sin(x * deg2rad) }

// newMoonJDE returns the instant (Julian Ephemeris Day, TT) of the true new moon number k, k = 0 being the
// new moon of 6 January 2000 (Meeus ch. 49).
func newMoonJDE(k int) float64 {
	kf := float64(k)
	t := kf / 1236.85
	t2, t3, t4 := t*t, t*t*t, t*t*t*t
	jde := 2451550.09766 + 29.530588861*kf + 0.00015437*t2 - 0.000000150*t3 + 0.00000000073*t4
	e := 1 - 0.002516*t - 0.0000074*t2
	m := 2.5534 + 29.10535670*kf - 0.0000014*t2 - 0.00000011*t3
	mp := 201.5643 + 385.81693528*kf + 0.0107582*t2 + 0.00001238*t3 - 0.000000058*t4
	f := 160.7108 + 390.67050284*kf - 0.0016118*t2 - 0.00000227*t3 + 0.000000011*t4
	om := 124.7746 - 1.56375588*kf + 0.0020672*t2 + 0.00000215*t3

	c := -0.40720*sinD(mp) +
		0.17241*e*sinD(m) +
		0.01608*sinD(2*mp) +
		0.01039*sinD(2*f) +
		0.00739*e*sinD(mp-m) -
		0.00514*e*sinD(mp+m) +
		0.00208*e*e*sinD(2*m) -
		0.00111*sinD(mp-2*f) -
		0.00057*sinD(mp+2*f) +
		0.00056*e*sinD(2*mp+m) -
		0.00042*sinD(3*mp) +
		0.00042*e*sinD(m+2*f) +
		0.00038*e*sinD(m-2*f) -
		0.00024*e*sinD(2*mp-m) -
		0.00017*sinD(om) -
		0.00007*sinD(mp+2*m) +
		0.00004*sinD(2*mp-2*f) +
		0.00004*sinD(3*m) +
		0.00003*sinD(mp+m-2*f) +
		0.00003*sinD(2*mp+2*f) -
		0.00003*sinD(mp+m+2*f) +
		0.00003*sinD(mp-m+2*f) -
		0.00002*sinD(mp-m-2*f) -
		0.00002*sinD(3*mp+m) +
		0.00002*sinD(4*mp)

	// Planetary arguments (Meeus table 49.B).
	a := [14]float64{
		299.77 + 0.107408*kf - 0.009173*t2,
		251.88 + 0.016321*kf,
		251.83 + 26.651886*kf,
		349.42 + 36.412478*kf,
		84.66 + 18.206239*kf,
		141.74 + 53.303771*kf,
		207.14 + 2.453732*kf,
		154.84 + 7.306860*kf,
		34.52 + 27.261239*kf,
		207.19 + 0.121824*kf,
		291.34 + 1.844379*kf,
		161.72 + 24.198154*kf,
		239.56 + 25.513099*kf,
		331.55 + 3.592518*kf,
	}
	coef := [14]float64{0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060,
		0.000056, 0.000047, 0.000042, 0.000040, 0.000037, 0.000035, 0.000023}
	for i := range a {
		c += coef[i] * sinD(a[i])
	}
	return jde + c
}

// sunLongitude returns the apparent geocentric longitude of the Sun in degrees [0, 360) at the
// Julian Ephemeris Day jde (Meeus ch. 25, low-accuracy method).
func sunLongitude(jde float64) float64 {
	t := (jde - 2451545.0) / 36525
	l0 := 280.46646 + 36000.76983*t + 0.0003032*t*t
	m := 357.52911 + 35999.05029*t - 0.0001537*t*t
	c := (1.914602-0.004817*t-0.000014*t*t)*sinD(m) + (0.019993-0.000101*t)*sinD(2*m) + 0.000289*sinD(3*m)
	omega := 125.04 - 1934.136*t
	lambda := l0 + c - 0.00569 - 0.00478*sinD(omega)
	lambda = math.Mod(lambda, 360)
	if lambda < 0 {
		lambda += 360
	}
	return lambda
}

// localDay returns the Julian Day Number of the civil day, in UTC+7, that contains the instant jdUT.
// An instant exactly at local midnight belongs to the day that starts then.
func localDay(jdUT float64) int { return int(math.Floor(jdUT + 0.5 + vnOffset)) }

// localMidnightUT returns the instant (JD, UT) of the local (UTC+7) midnight that starts day jdn.
func localMidnightUT(jdn int) float64 { return float64(jdn) - 0.5 - vnOffset }

// newMoonDay returns the civil day (JDN, UTC+7) of new moon number k.
func newMoonDay(k int) int { return localDay(ttToUT(newMoonJDE(k))) }

// termIndex returns which 30° arc of solar longitude the Sun is in at the local midnight starting day jdn
// (0 for [0°, 30°), … 11 for [330°, 360°)). A lunar month contains a principal term (trung khí) exactly when
// the index at its first day differs from the index at the first day of the next month.
func termIndex(jdn int) int { return int(sunLongitude(utToTT(localMidnightUT(jdn))) / 30) }

// winterSolsticeDay returns the civil day (JDN, UTC+7) containing the December solstice of year y
// (apparent solar longitude 270°), found by Newton iteration.
func winterSolsticeDay(y int) int {
	jde := float64(NewDate(y, 12, 21).JDN())
	for range 20 {
		d := 270 - sunLongitude(jde)
		d = math.Mod(d+540, 360) - 180
		step := 58.13 * sinD(d)
		jde += step
		if math.Abs(step) < 1e-7 {
			break
		}
	}
	return localDay(ttToUT(jde))
}

// newMoonIndexNear returns the new moon number k whose mean instant is closest to the Julian Day jd.
func newMoonIndexNear(jd float64) int {
	return int(math.Floor((jd-2451550.09766)/29.530588861 + 0.5))
}
